package com.ytrader.positionmanager.standalone;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The dashboard as the browser holds it: every figure found by its {@code data-testid}. The page re-renders its
 * tables on every poll, so figures are read in one script call (one consistent rendering), never element by
 * element across a re-render.
 */
final class DashboardPage {

    private final ChromeDriver driver;

    DashboardPage(ChromeDriver driver) {
        this.driver = driver;
    }

    void open(String url) {
        driver.get(url);
    }

    /** Clicks the position's row, which shows that position's history. */
    void selectPosition(String asset, String mode) {
        driver.findElement(By.cssSelector("[data-testid='row-" + asset + "-" + mode + "']")).click();
    }

    /** The text of every element whose test id starts with the prefix, by test id. */
    Map<String, String> figures(String testIdPrefix) {
        Object figures = driver.executeScript("""
                const figures = {};
                document.querySelectorAll(`[data-testid^='${arguments[0]}']`)
                    .forEach(element => figures[element.dataset.testid] = element.textContent);
                return figures;""", testIdPrefix);
        Map<String, String> sorted = new TreeMap<>();
        ((Map<?, ?>) figures).forEach((id, text) -> sorted.put((String) id, (String) text));
        return sorted;
    }

    /** The element's text, or null when the page has no such element. */
    String text(String testId) {
        return (String) driver.executeScript("""
                const element = document.querySelector(`[data-testid='${arguments[0]}']`);
                return element ? element.textContent : null;""", testId);
    }

    /** Whether the element exists and takes up room on the page (not hidden, nor inside something hidden). */
    boolean isDisplayed(String testId) {
        return (Boolean) driver.executeScript("""
                const element = document.querySelector(`[data-testid='${arguments[0]}']`);
                return !!element && element.getClientRects().length > 0;""", testId);
    }

    int chartPaths(String testId) {
        return ((Number) driver.executeScript(
                "return document.querySelectorAll(`[data-testid='${arguments[0]}'] path`).length;", testId)).intValue();
    }

    void saveScreenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

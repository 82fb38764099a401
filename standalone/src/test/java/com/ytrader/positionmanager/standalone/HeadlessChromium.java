package com.ytrader.positionmanager.standalone;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's Chromium driven through Debian's ChromeDriver, headless, with a fresh profile. Both paths are given
 * explicitly so Selenium Manager never looks for (or downloads) a browser or a driver. A missing browser fails the
 * test: CI installs both packages (.ci/run).
 */
final class HeadlessChromium {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    static ChromeDriver start(int width, int height) {
        assertThat(BROWSER).as("Chromium is required: apt-get install chromium chromium-driver").isExecutable();
        assertThat(DRIVER).as("ChromeDriver is required: apt-get install chromium chromium-driver").isExecutable();
        Path profile;
        try {
            profile = Files.createTempDirectory("dashboard-test-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(BROWSER.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run",
                        "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }
}

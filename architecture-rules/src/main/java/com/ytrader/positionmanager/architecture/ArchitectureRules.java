package com.ytrader.positionmanager.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules the README's module and package layout states, for each module's tests to check on its own classes:
 * capabilities without cycles, the command side apart from the query side's tables, the query side sending no
 * commands, Axon's tables named only by {@code event-store}, the events only in {@code shared-events}.
 *
 * <p>ArchUnit sees types and members, not string constants, so the rules about tables read the compiled class
 * files themselves: a table named in SQL is a constant there, whereas Java names (a field {@code positions}) are
 * never preceded by an SQL keyword and a space.
 */
public final class ArchitectureRules {

    private static final String ROOT = "com.ytrader.positionmanager";

    /** Axon's tables, which the {@code event-store} module creates and maps. */
    private static final List<String> AXON_TABLES = List.of("domain_event_entry", "snapshot_event_entry",
            "token_entry", "saga_entry", "association_value_entry", "dead_letter_entry");

    /** The query side's read models, which its projections own. */
    private static final List<String> QUERY_SIDE_TABLES = List.of("positions", "position_orders",
            "position_snapshots", "position_timeline");

    /** No word boundary before the keyword, for the same reason as {@link #SQL_WRITING_A_TABLE}. */
    private static final String SQL_NAMING_A_TABLE = "(?i)(?:from|join|into|update|table|truncate)\\s+%s\\b";
    /**
     * Writing or emptying a table, also as one of several a {@code TRUNCATE} names. No word boundary before the
     * keyword: a constant that starts with it follows its length in the class file, which may be a letter or digit.
     */
    private static final String SQL_WRITING_A_TABLE =
            "(?i)(?:insert\\s+into|update|delete\\s+from|truncate(?:\\s+table)?(?:\\s+\\w+\\s*,)*)\\s+%s\\b";

    private ArchitectureRules() {
    }

    /** The main (not test) classes of {@code packages} and below. */
    public static JavaClasses mainClassesOf(String... packages) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(packages);
    }

    /** The packages right below {@code side} (its capabilities) do not depend on each other in a cycle. */
    public static ArchRule capabilitiesFreeOfCycles(String side) {
        return slices().matching(side + ".(*)..").namingSlices("capability $1").should().beFreeOfCycles();
    }

    public static ArchRule noSqlNamesTheQuerySideTables() {
        return classes().should(nameNoTableIn("the query side's tables " + QUERY_SIDE_TABLES + " in SQL",
                        QUERY_SIDE_TABLES.stream()
                                .map(table -> String.format(SQL_NAMING_A_TABLE, Pattern.quote(table))).toList()))
                .because("the command side never reads the query side's tables");
    }

    /**
     * Each table is written, and emptied for a replay, by one class only, its owner ({@code table → owner}):
     * no projection truncates or fills another's table.
     */
    public static ArchRule eachTableWrittenOnlyByItsOwner(Map<String, String> owners) {
        return classes().should(new ArchCondition<>("write no table it does not own " + owners) {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                String constants = null;
                for (Map.Entry<String, String> owner : owners.entrySet()) {
                    if (javaClass.getName().equals(owner.getValue())
                            || javaClass.getName().startsWith(owner.getValue() + "$")) {
                        continue;
                    }
                    constants = constants != null ? constants : constantsOf(javaClass);
                    Matcher matcher = Pattern.compile(String.format(SQL_WRITING_A_TABLE,
                            Pattern.quote(owner.getKey()))).matcher(constants);
                    while (matcher.find()) {
                        events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName() + " writes "
                                + owner.getKey() + ", which " + owner.getValue() + " owns: \"" + matcher.group()
                                + "\""));
                    }
                }
            }
        }).because("each read model is kept, and reset, by one projection");
    }

    public static ArchRule noClassNamesAxonsTables() {
        return classes().should(nameNoTableIn("Axon's tables " + AXON_TABLES,
                        AXON_TABLES.stream().map(Pattern::quote).toList()))
                .because("only the event-store module names Axon's tables: the others use Axon's API or its readers");
    }

    public static ArchRule noDependencyOnTheQuerySide() {
        return noClasses().should().dependOnClassesThat().resideInAPackage(ROOT + ".query..")
                .because("the command side never reads the query side");
    }

    public static ArchRule sendsNoCommands() {
        return noClasses().should().dependOnClassesThat().haveFullyQualifiedName(
                        "org.axonframework.commandhandling.gateway.CommandGateway")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(
                        "org.axonframework.commandhandling.CommandBus")
                .because("the query side never sends commands");
    }

    public static ArchRule eventsOnlyInTheEventsPackage() {
        return classes().that().implement(ROOT + ".events.PositionEvent")
                .should().resideInAPackage(ROOT + ".events..")
                .allowEmptyShould(true)
                .because("a position's events are defined once, in shared-events, for both sides and consumers");
    }

    private static ArchCondition<JavaClass> nameNoTableIn(String tables, List<String> patterns) {
        Pattern naming = Pattern.compile(String.join("|", patterns));
        return new ArchCondition<>("not name " + tables) {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                Matcher matcher = naming.matcher(constantsOf(javaClass));
                while (matcher.find()) {
                    events.add(SimpleConditionEvent.violated(javaClass,
                            javaClass.getName() + " names a table: \"" + matcher.group() + "\""));
                }
            }
        };
    }

    /** The class file as text: its string constants are in it as they are written (ASCII). */
    private static String constantsOf(JavaClass javaClass) {
        return javaClass.getSource().map(source -> {
            try (InputStream in = source.getUri().toURL().openStream()) {
                return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).orElse("");
    }
}

package fr.cercle.app.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measurement 4: the real application started as a user starts it, in a process of its own on its
 * run-time class path ({@code fr.cercle.app.Main --demo --data-dir <new folder>}, headless), timed from
 * just before the process starts to the time stamp of the "Access screen ready" line in its log file:
 * the sign-in, the first screen a user can act on (the data open after it, once a password unwraps
 * their key, so the demo's generation is no longer inside this measure). The first start in a new
 * folder also creates the demo's keyring; the second start in the same folder reads it. Each process is stopped once measured. Side by
 * side: the floor, a JavaFX window with one label ({@link HelloWindow}) started the same way.
 */
final class ColdStartBenchmark {

    private static final Pattern LOG_LINE = Pattern.compile("^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}) .*");
    private static final Pattern STARTED_IN = Pattern.compile("Started in (\\d+) ms");
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final long TIMEOUT_MS = 180_000;
    /** The log line of the first screen a user can act on: the sign-in. */
    private static final String READY = "Access screen ready";

    private final List<String> jvmOptions;
    private final String runtimeClassPath;
    private final String helloClassPath;
    private final Path work;

    /**
     * @param jvmOptions the headless options (Monocle), as the tests use them
     * @param work       a folder for the data folders of the starts, emptied first
     */
    ColdStartBenchmark(List<String> jvmOptions, String runtimeClassPath, String helloClassPath, Path work) {
        this.jvmOptions = jvmOptions;
        this.runtimeClassPath = runtimeClassPath;
        this.helloClassPath = helloClassPath;
        this.work = work;
    }

    /** The application's own class path: its classes, its run-time dependencies, and Monocle for headless runs. */
    static String runtimeClassPath(Path appClasses, Path dependencyList) throws IOException {
        String monocle = List.of(System.getProperty("java.class.path").split(File.pathSeparator)).stream()
                .filter(p -> p.contains("openjfx-monocle")).findFirst()
                .orElseThrow(() -> new IllegalStateException("Monocle is not on the test class path"));
        return appClasses + File.pathSeparator + Files.readString(dependencyList).trim() + File.pathSeparator + monocle;
    }

    /** Runs the starts; returns the demo folder of the last one, for the heap measurement. */
    Path run(Report report, int repetitions) throws Exception {
        BenchDatabase.delete(work);
        Files.createDirectories(work);
        List<Double> first = new ArrayList<>();
        List<Double> firstStartup = new ArrayList<>();
        List<Double> second = new ArrayList<>();
        List<Double> secondStartup = new ArrayList<>();
        List<Double> hello = new ArrayList<>();
        Path lastDemo = null;
        for (int rep = 1; rep <= repetitions; rep++) {
            Path dataDir = work.resolve("run-" + rep);
            lastDemo = dataDir.resolve("demo");
            Report.progress("Cold start " + rep + "/" + repetitions + ": first start (creates the demo)");
            Start a = startCercle(dataDir);
            first.add(a.millis());
            firstStartup.add(a.startupMillis());
            Report.progress("Cold start " + rep + "/" + repetitions + ": second start");
            Start b = startCercle(dataDir);
            second.add(b.millis());
            secondStartup.add(b.startupMillis());
            Report.progress("Cold start " + rep + "/" + repetitions + ": plain JavaFX window");
            hello.add(startHello());
        }
        Stats f = Stats.of(first);
        Stats s = Stats.of(second);
        Stats h = Stats.of(hello);
        Stats fs = Stats.of(firstStartup);
        Stats ss = Stats.of(secondStartup);
        report.table(List.of("Process start → window", "median", "min", "max", "of which `Startup.run` (median)",
                        "vs plain JavaFX window (medians)"),
                List.of(List.of("Cercle `--demo`, first start (creates the database, loads the communes "
                                        + "reference, generates the demo)", Stats.ms(f.median()), Stats.ms(f.min()),
                                Stats.ms(f.max()), Stats.ms(fs.median()), Stats.ratio(f.median(), h.median())),
                        List.of("Cercle `--demo`, second start (same folder)", Stats.ms(s.median()), Stats.ms(s.min()),
                                Stats.ms(s.max()), Stats.ms(ss.median()), Stats.ratio(s.median(), h.median())),
                        List.of("Plain JavaFX: one window with one label, same JVM options and launch",
                                Stats.ms(h.median()), Stats.ms(h.min()), Stats.ms(h.max()), "–", "×1.0")));
        report.line("\n" + repetitions + " starts of each; times in ms, from just before the process is created to "
                + "the log line \"" + READY + "\" (Cercle) or the line the plain window prints once shown.");
        return lastDemo;
    }

    private record Start(double millis, double startupMillis) {
    }

    private Start startCercle(Path dataDir) throws Exception {
        List<String> command = command(runtimeClassPath, "fr.cercle.app.Main");
        command.addAll(List.of("--demo", "--data-dir", dataDir.toString()));
        Path log = dataDir.resolve("demo").resolve("logs").resolve("cercle.log");
        Path output = Files.createTempFile(work, "cercle-", ".out");
        // A second start appends to the first one's log: only the lines after these belong to this start.
        int earlierLines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8).size() : 0;
        long startedAt = System.currentTimeMillis();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            long deadline = startedAt + TIMEOUT_MS;
            while (System.currentTimeMillis() < deadline) {
                if (Files.exists(log)) {
                    List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
                    List<String> lines = all.subList(Math.min(earlierLines, all.size()), all.size());
                    String ready = lines.stream().filter(l -> l.contains(READY)).findFirst().orElse(null);
                    if (ready != null) {
                        double startup = lines.stream().map(STARTED_IN::matcher).filter(Matcher::find)
                                .map(m -> Double.parseDouble(m.group(1))).findFirst().orElse(Double.NaN);
                        // H2 writes its last commits to the file within a second; let it, before the stop.
                        Thread.sleep(2_000);
                        return new Start(logTime(ready) - startedAt, startup);
                    }
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("Cercle exited with " + process.exitValue() + " before its window: "
                            + Files.readString(output));
                }
                Thread.sleep(10);
            }
            throw new IllegalStateException("No \"" + READY + "\" in " + log + " after " + TIMEOUT_MS + " ms");
        } finally {
            stop(process);
        }
    }

    private double startHello() throws Exception {
        List<String> command = command(helloClassPath, HelloWindow.class.getName());
        long startedAt = System.currentTimeMillis();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        AtomicLong shownAt = new AtomicLong(-1);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(HelloWindow.READY)) {
                    shownAt.set(Long.parseLong(line.substring(HelloWindow.READY.length()).trim()));
                    break;
                }
            }
        } finally {
            stop(process);
        }
        if (shownAt.get() < 0) {
            throw new IllegalStateException("The plain JavaFX window never showed");
        }
        return shownAt.get() - startedAt;
    }

    private List<String> command(String classPath, String mainClass) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath, mainClass));
        return command;
    }

    private static double logTime(String line) {
        Matcher m = LOG_LINE.matcher(line);
        if (!m.matches()) {
            throw new IllegalStateException("Unexpected log line format: " + line);
        }
        return LocalDateTime.parse(m.group(1), LOG_TIME).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
    }

    /** Stops the process this benchmark started (and only it), forcibly if it does not go within 20 s. */
    static void stop(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }
}

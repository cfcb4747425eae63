package fr.cercle.app.bench;

import fr.cercle.app.startup.Startup;
import fr.cercle.persistence.CercleDatabase;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Measurement 5, run in a JVM of its own so that nothing else sits in the heap: opens a data folder
 * as the application does ({@link Startup#run}), then the real main window with its beneficiaries list,
 * and prints the heap in use after a full GC at each stage. With {@code --empty}, only the JavaFX
 * toolkit and an empty window: the floor.
 */
public final class HeapProbe {

    static final String RESULT = "HEAP ";

    private HeapProbe() {
    }

    public static void main(String[] args) throws Exception {
        Fx.start();
        CercleWindow.useApplicationTheme();
        if (args[0].equals("--empty")) {
            Fx.run(() -> CercleWindow.show(new javafx.scene.layout.StackPane(), "Empty"));
            Fx.settle(200);
            System.out.println(RESULT + "toolkit=" + usedAfterGc());
            System.exit(0);
        }
        Path dir = Path.of(args[0]);
        int expectedRows = Integer.parseInt(args[1]);
        Startup.Result started = Startup.run(dir, false, Clock.systemDefaultZone(), step -> { });
        CercleDatabase db = started.db();
        long opened = usedAfterGc();
        Path scratch = Files.createTempDirectory("cercle-heap-probe");
        CercleWindow window = CercleWindow.open(db, scratch, expectedRows);
        Fx.settle(500);
        long loaded = usedAfterGc();
        int shown = Fx.call(() -> window.table().getItems().size());
        System.out.println(RESULT + "opened=" + opened + " window=" + loaded + " rows=" + shown);
        window.close();
        System.out.flush();
        System.exit(0);
    }

    /** Heap in use after full collections, once it stops shrinking. */
    static long usedAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
            long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (now >= used) {
                return Math.min(now, used);
            }
            used = now;
        }
        return used;
    }
}

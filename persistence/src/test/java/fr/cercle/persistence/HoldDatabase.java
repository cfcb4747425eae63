package fr.cercle.persistence;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/** Run in a second JVM by tests: opens a database like another running Cercle would, until its input closes. */
public final class HoldDatabase {

    private HoldDatabase() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection ignored = DriverManager.getConnection(CercleDatabase.url(Path.of(args[0])), "sa", "")) {
            System.out.println("READY");
            System.out.flush();
            while (System.in.read() >= 0) {
                Thread.onSpinWait();
            }
        }
    }
}

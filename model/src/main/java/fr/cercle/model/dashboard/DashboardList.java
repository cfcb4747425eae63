package fr.cercle.model.dashboard;

import java.util.List;

/**
 * A page of the list behind a figure: {@code lines} from position {@code offset} (0 for the first),
 * out of {@code total}.
 */
public record DashboardList(Figure figure, List<DashboardLine> lines, int offset, int total) {

    public DashboardList {
        lines = List.copyOf(lines);
        if (offset < 0 || total < 0) {
            throw new IllegalArgumentException("Negative offset or total: " + offset + ", " + total);
        }
    }

    /** Whether lines follow this page. */
    public boolean hasMore() {
        return offset + lines.size() < total;
    }
}

package fr.cercle.model.heatwave;

/**
 * The heatwave vigilance level the prefect declares (Météo-France's map): orange is the heatwave
 * alert that triggers the register's calls, red the maximum mobilisation (calls every day).
 */
public enum AlertLevel {
    ORANGE(2),
    RED(1);

    private final int daysBetweenCalls;

    AlertLevel(int daysBetweenCalls) {
        this.daysBetweenCalls = daysBetweenCalls;
    }

    /** How often each registered person is called while the alert lasts. */
    public int daysBetweenCalls() {
        return daysBetweenCalls;
    }
}

package bench.objects;

/**
 * Settings of one phase of {@link StaticsVolatiles}, published by a volatile write: its fields are
 * plain (not final) and written before publication, then only read, so they are race-free only
 * through the volatile write/read pair that publishes them.
 */
final class Config {

    private int phase;
    private int multiplier;
    private int modulus;
    private String label;

    int getPhase() {
        return phase;
    }

    void setPhase(int phase) {
        this.phase = phase;
    }

    int getMultiplier() {
        return multiplier;
    }

    void setMultiplier(int multiplier) {
        this.multiplier = multiplier;
    }

    int getModulus() {
        return modulus;
    }

    void setModulus(int modulus) {
        this.modulus = modulus;
    }

    String getLabel() {
        return label;
    }

    void setLabel(String label) {
        this.label = label;
    }
}

package app.medianest.model;

/** Each enum's constants, looked up once ({@code Class.getEnumConstants} copies the array on every call). */
final class WireEnumConstants {
    static final ClassValue<Object[]> OF = new ClassValue<>() {
        @Override
        protected Object[] computeValue(Class<?> type) {
            return type.getEnumConstants();
        }
    };

    private WireEnumConstants() {
    }
}

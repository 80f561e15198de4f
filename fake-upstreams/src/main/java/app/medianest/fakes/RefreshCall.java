package app.medianest.fakes;

/**
 * One library scan request received by the fake Plex.
 *
 * @param sectionKey the section scanned
 * @param method     {@code GET} or {@code POST} to start, {@code DELETE} to cancel
 * @param force      whether {@code force=1} was sent
 * @param path       the {@code path} parameter, or {@code null}
 */
public record RefreshCall(String sectionKey, String method, boolean force, String path) {

    /** True for a cancellation ({@code DELETE}). */
    public boolean cancel() {
        return method.equals("DELETE");
    }
}

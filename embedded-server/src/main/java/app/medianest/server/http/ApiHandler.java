package app.medianest.server.http;

/** A route handler. Throws {@link ApiException} (or lets domain exceptions through) for errors. */
@FunctionalInterface
public interface ApiHandler {
    void handle(Exchange ex) throws Exception;
}

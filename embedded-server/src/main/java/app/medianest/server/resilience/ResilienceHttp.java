package app.medianest.server.resilience;

import app.medianest.server.http.Access;
import app.medianest.server.http.ApiException;
import app.medianest.server.http.Exchange;
import app.medianest.server.http.RouteTable;

/** Admin routes over the upstream circuit breakers. */
public final class ResilienceHttp {
    private final Resilience resilience;

    public ResilienceHttp(Resilience resilience) {
        this.resilience = resilience;
    }

    public void routes(RouteTable r) {
        r.get("/api/v1/resilience/circuit-breakers", Access.ADMIN, this::listBreakers)
                .post("/api/v1/admin/circuit-breakers/{name}/reset", Access.ADMIN, this::resetBreaker);
    }

    private void listBreakers(Exchange ex) {
        ex.ok(resilience.breakers());
    }

    private void resetBreaker(Exchange ex) {
        String name = ex.pathParam("name");
        ex.ok(resilience.reset(name).orElseThrow(() -> ApiException.notFound("BREAKER_NOT_FOUND",
                "There is no circuit breaker named '" + (name.length() > 40 ? name.substring(0, 40) : name) + "'")));
    }
}

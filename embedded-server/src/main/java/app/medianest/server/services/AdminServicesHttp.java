package app.medianest.server.services;

import app.medianest.model.services.ServiceConfigUpdate;
import app.medianest.server.http.Access;
import app.medianest.server.http.ApiException;
import app.medianest.server.http.Exchange;
import app.medianest.server.http.RouteTable;

/** Admin routes: list, change and test the integrations. API keys go in, never out. */
public final class AdminServicesHttp {
    private final ServiceConfigs configs;
    private final ServiceTester tester;

    public AdminServicesHttp(ServiceConfigs configs, ServiceTester tester) {
        this.configs = configs;
        this.tester = tester;
    }

    public void routes(RouteTable r) {
        r.get("/api/v1/admin/services", Access.ADMIN, this::listServices)
                .put("/api/v1/admin/services/{name}", Access.ADMIN, this::updateService)
                .post("/api/v1/admin/services/{name}/test", Access.ADMIN, this::testService);
    }

    private void listServices(Exchange ex) {
        ex.ok(configs.all().stream().map(ServiceConfig::view).toList());
    }

    private void updateService(Exchange ex) {
        ServiceName name = service(ex);
        ServiceConfigUpdate body = ex.body(ServiceConfigUpdate.class);
        ex.ok(configs.update(name, body).view());
    }

    private void testService(Exchange ex) {
        ex.ok(tester.test(service(ex)));
    }

    private static ServiceName service(Exchange ex) {
        return ServiceName.of(ex.pathParam("name")).orElseThrow(() -> ApiException.notFound("SERVICE_NOT_FOUND",
                "Unknown service; use plex, overseerr, uptime-kuma or youtube"));
    }
}

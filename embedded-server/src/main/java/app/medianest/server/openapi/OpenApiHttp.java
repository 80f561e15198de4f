package app.medianest.server.openapi;

import app.medianest.server.http.Access;
import app.medianest.server.http.ApiException;
import app.medianest.server.http.Exchange;
import app.medianest.server.http.Json;
import app.medianest.server.http.RouteTable;
import io.helidon.http.HeaderNames;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /api/v1/openapi.json}: the OpenAPI 3.1 description of every route, built once from the route table
 * ({@link OpenApiDocument}); {@code GET /api/v1/docs}: the same, browsable with Swagger UI, whose files come from
 * the {@code org.webjars:swagger-ui} jar and are served here (no CDN; the page's script is a file, not inline,
 * so a Content Security Policy without {@code unsafe-inline} allows it). Both are public: the description holds
 * no secret, and LAN clients and scripts read it before they sign in.
 */
public final class OpenApiHttp {
    /** The Swagger UI version of the WebJar (its resources live under a versioned folder). */
    static final String SWAGGER_UI = "5.35.0";
    private static final String WEBJAR = "/META-INF/resources/webjars/swagger-ui/" + SWAGGER_UI + "/";
    private static final Map<String, String> FILES = Map.of(
            "swagger-ui.css", "text/css; charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "swagger-ui-standalone-preset.js", "text/javascript; charset=utf-8",
            "favicon-32x32.png", "image/png",
            "docs-init.js", "text/javascript; charset=utf-8");

    private final RouteTable routes;
    private final String version;
    private volatile byte[] document;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    public OpenApiHttp(RouteTable routes, String version) {
        this.routes = routes;
        this.version = version;
    }

    public void routes(RouteTable r) {
        r.get("/api/v1/openapi.json", Access.PUBLIC, this::openApi)
                .get("/api/v1/docs", Access.PUBLIC, ex -> send(ex, "text/html; charset=utf-8", resource("docs.html")))
                .get("/api/v1/docs/{file}", Access.PUBLIC, this::file);
    }

    /** The description (built on first use, when every route is registered). */
    public byte[] document() {
        byte[] d = document;
        if (d == null) {
            d = Json.write(OpenApiDocument.build(routes.routes(), version));
            document = d;
        }
        return d;
    }

    private void openApi(Exchange ex) {
        ex.sendJson(200, document());
    }

    private void file(Exchange ex) {
        String name = ex.pathParam("file");
        String type = FILES.get(name);
        if (type == null) {
            throw ApiException.notFound("No such file");
        }
        send(ex, type, resource(name));
    }

    private byte[] resource(String name) {
        return files.computeIfAbsent(name, n -> {
            String path = n.equals("docs.html") || n.equals("docs-init.js") ? n : WEBJAR + n;
            try (InputStream in = OpenApiHttp.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + path);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static void send(Exchange ex, String type, byte[] body) {
        ex.response().status(200);
        ex.response().header(HeaderNames.CONTENT_TYPE, type);
        ex.response().header(HeaderNames.CACHE_CONTROL, "no-cache");
        ex.response().send(body);
    }
}

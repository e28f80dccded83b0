package com.parkwatch.web;

import com.parkwatch.lot.Occupancy;
import com.parkwatch.publish.LotIdentity;
import io.javalin.event.HandlerMetaInfo;
import io.javalin.http.HandlerType;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /openapi.json is valid OpenAPI 3 and lists exactly the routes the server registered; /docs shows them. */
class OpenApiTest {

    @TempDir
    Path dir;

    @Test
    void theDocumentValidatesAndCoversEveryRegisteredRoute() throws Exception {
        try (OpenDataServer lot = new OpenDataServer(dir, LotIdentity.named("east"), Occupancy.FREE, Occupancy.FREE)) {
            HttpResponse<String> response = lot.get("/openapi.json");
            assertEquals(200, response.statusCode());
            SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(response.body(), null, null);
            assertTrue(parsed.getMessages() == null || parsed.getMessages().isEmpty(), "invalid: " + parsed.getMessages());
            OpenAPI api = parsed.getOpenAPI();
            assertTrue(api.getOpenapi().startsWith("3."), api.getOpenapi());

            Set<String> registered = lot.server.apiRoutes().routes().stream()
                    .map(r -> r.method() + " " + r.path()).collect(Collectors.toCollection(TreeSet::new));
            Set<String> documented = new TreeSet<>();
            api.getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                    .forEach(method -> documented.add(method + " " + path)));
            assertEquals(registered, documented, "every registered route, and only those, is in /openapi.json");
            for (String route : Set.of("GET /parking_status", "POST /api/bookings", "DELETE /api/bookings/{code}",
                    "PUT /api/operator/spots/{spot}/closed", "GET /ngsi-ld/v1/entities", "GET /metrics", "GET /openapi.json",
                    "GET /docs")) {
                assertTrue(documented.contains(route), route + " is missing from " + documented);
            }
            var cancel = api.getPaths().get("/api/bookings/{code}").getDelete();
            assertEquals("code", cancel.getParameters().get(0).getName());
            assertEquals("path", cancel.getParameters().get(0).getIn());
            assertFalse(api.getPaths().get("/api/operator/alerts").getGet().getSecurity().isEmpty());
            assertEquals(Set.of(PathItem.HttpMethod.GET), api.getPaths().get("/metrics").readOperationsMap().keySet());
        }
    }

    @Test
    void aRouteRegisteredWithoutADescriptionIsLeftOutSoTheComparisonFails() {
        ApiRoutes routes = new ApiRoutes("test");
        routes.registered(new HandlerMetaInfo(HandlerType.GET, "/undescribed", ctx -> { }, Set.of()));
        routes.registered(new HandlerMetaInfo(HandlerType.GET, "/described", ctx -> { }, Set.of()));
        routes.registered(new HandlerMetaInfo(HandlerType.BEFORE, "/*", ctx -> { }, Set.of()));
        routes.describe(HandlerType.GET, "/described", RouteDoc.of("test", "Described"));
        assertEquals(2, routes.routes().size(), "filters are not routes");
        assertEquals(Set.of("/described"), routes.document().getPaths().keySet());
    }

    @Test
    void theDocsPageShowsEveryRouteToPeople() throws Exception {
        try (OpenDataServer lot = new OpenDataServer(dir, LotIdentity.named("east"), Occupancy.FREE)) {
            HttpResponse<String> page = lot.get("/docs");
            assertEquals(200, page.statusCode());
            assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            for (ApiRoutes.Route route : lot.server.apiRoutes().routes()) {
                assertTrue(page.body().contains("<code>" + route.path() + "</code>"), route + " missing from /docs");
            }
            assertTrue(page.body().contains("Books a free spot"));
        }
    }
}

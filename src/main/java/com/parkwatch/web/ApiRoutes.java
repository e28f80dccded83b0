package com.parkwatch.web;

import io.javalin.event.HandlerMetaInfo;
import io.javalin.http.HandlerType;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every route the server registered, as Javalin reports them, and the description of each: the OpenAPI document is
 * built from the two, so it lists exactly the routes that exist. A route registered without a description is left
 * out of the document (and logged); {@code OpenApiTest} compares the document with the routes and fails on it.
 */
public final class ApiRoutes {

    /** A route: its method and its path as Javalin spells it ({@code /api/bookings/{code}}). */
    public record Route(HandlerType method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    public static final String OPERATOR_TOKEN = "operatorToken";
    public static final String METRICS_TOKEN = "metricsToken";
    private static final Logger LOG = LoggerFactory.getLogger(ApiRoutes.class);
    private static final Set<HandlerType> METHODS = Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
            HandlerType.PATCH, HandlerType.DELETE);
    private static final Pattern PATH_PARAMETER = Pattern.compile("[{<]([^}>]+)[}>]");

    private final List<Route> registered = new CopyOnWriteArrayList<>();
    private final Map<Route, RouteDoc> docs = new LinkedHashMap<>();
    private final String version;

    ApiRoutes(String version) {
        this.version = version;
    }

    /** From Javalin's handlerAdded event: filters (before, after) are not routes. */
    void registered(HandlerMetaInfo handler) {
        if (METHODS.contains(handler.getHttpMethod())) {
            registered.add(new Route(handler.getHttpMethod(), handler.getPath()));
        }
    }

    /** Describes a route; registered where the route is, in the same class. */
    public synchronized void describe(HandlerType method, String path, RouteDoc doc) {
        docs.put(new Route(method, path), doc);
    }

    /** The routes Javalin registered, in order. */
    public List<Route> routes() {
        return List.copyOf(registered);
    }

    /** The OpenAPI 3 document of every described route that is registered. */
    public synchronized OpenAPI document() {
        Paths paths = new Paths();
        List<Route> undescribed = new ArrayList<>();
        for (Route route : registered) {
            RouteDoc doc = docs.get(route);
            if (doc == null) {
                undescribed.add(route);
                continue;
            }
            String path = PATH_PARAMETER.matcher(route.path()).replaceAll("{$1}");
            PathItem item = paths.computeIfAbsent(path, p -> new PathItem());
            Operation operation = doc.operation();
            operation.operationId(operationId(route));
            if (operation.getParameters() == null || operation.getParameters().stream().noneMatch(p -> "path".equals(p.getIn()))) {
                Matcher m = PATH_PARAMETER.matcher(route.path());
                while (m.find()) {
                    operation.addParametersItem(new Parameter().in("path").name(m.group(1)).required(true)
                            .schema(new StringSchema()));
                }
            }
            item.operation(PathItem.HttpMethod.valueOf(route.method().name()), operation);
        }
        if (!undescribed.isEmpty()) {
            LOG.warn("routes without a description are left out of /openapi.json: {}", undescribed);
        }
        ObjectSchema error = new ObjectSchema();
        error.addProperty("error", new StringSchema().description("what went wrong, in one sentence"));
        error.addRequiredItem("error");
        return new OpenAPI()
                .info(new Info().title("ParkWatch").version(version)
                        .description("Which spots of the lot are free, from its camera; bookings; open data and metrics."))
                .paths(paths)
                .components(new Components()
                        .addSchemas("Error", error)
                        .addSecuritySchemes(OPERATOR_TOKEN, bearer("The operator's token (--operator-token-file)"))
                        .addSecuritySchemes(METRICS_TOKEN, bearer("The metrics token (--metrics-token-file)")));
    }

    private static SecurityScheme bearer(String description) {
        return new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").description(description);
    }

    /** "getApiBookingsCode": unique per route, stable across versions. */
    private static String operationId(Route route) {
        StringBuilder id = new StringBuilder(route.method().name().toLowerCase(java.util.Locale.ROOT));
        for (String part : route.path().split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return id.toString();
    }
}

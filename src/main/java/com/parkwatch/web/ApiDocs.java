package com.parkwatch.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;

import java.util.Map;

/**
 * {@code /openapi.json}, the API's OpenAPI 3 document built from the registered routes ({@link ApiRoutes}), and
 * {@code /docs}, the same document as a plain page for people. Both are built at the first request, when every
 * route is in.
 */
final class ApiDocs implements WebRoutes {

    private volatile String json;
    private volatile String page;

    @Override
    public void install(Javalin app, ApiRoutes docs) {
        app.get("/openapi.json", ctx -> ctx.contentType("application/json").result(json(docs)));
        docs.describe(HandlerType.GET, "/openapi.json", RouteDoc.of("documentation", "This API as an OpenAPI 3 document")
                .answers(200, "the document", "application/json", null));
        app.get("/docs", ctx -> page(ctx, docs));
        docs.describe(HandlerType.GET, "/docs", RouteDoc.of("documentation", "This API as a page for people")
                .answers(200, "every route, its parameters and answers", "text/html", new StringSchema()));
    }

    private String json(ApiRoutes docs) throws Exception {
        String built = json;
        if (built == null) {
            built = Json.pretty(docs.document());
            json = built;
        }
        return built;
    }

    private void page(Context ctx, ApiRoutes docs) {
        String built = page;
        if (built == null) {
            built = render(docs.document());
            page = built;
        }
        ctx.html(built);
    }

    private static String render(OpenAPI api) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>ParkWatch API</title>"
                + "<style>body{font-family:sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;line-height:1.4}"
                + "code{background:#eee;padding:0 .2em}h2{font-size:1.05rem;margin:1.5rem 0 .3rem}"
                + ".m{display:inline-block;min-width:4.5rem;font-weight:bold}ul{margin:.2rem 0}</style></head><body>\n")
                .append("<h1>ParkWatch API ").append(escape(api.getInfo().getVersion())).append("</h1>\n<p>")
                .append(escape(api.getInfo().getDescription()))
                .append(" The machine-readable document: <a href=\"/openapi.json\">/openapi.json</a>.</p>\n");
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().readOperationsMap().entrySet()) {
                Operation o = op.getValue();
                html.append("<h2><span class=\"m\">").append(op.getKey()).append("</span><code>")
                        .append(escape(path.getKey())).append("</code></h2>\n<p>").append(escape(o.getSummary()));
                if (o.getDescription() != null) {
                    html.append(". ").append(escape(o.getDescription()));
                }
                if (o.getSecurity() != null) {
                    html.append(" <em>Needs a bearer token.</em>");
                }
                html.append("</p>\n<ul>\n");
                if (o.getParameters() != null) {
                    for (Parameter p : o.getParameters()) {
                        html.append("<li>").append(p.getIn()).append(" <code>").append(escape(p.getName()))
                                .append("</code>").append(Boolean.TRUE.equals(p.getRequired()) ? " (required)" : "")
                                .append(p.getDescription() == null ? "" : ": " + escape(p.getDescription())).append("</li>\n");
                    }
                }
                for (Map.Entry<String, ApiResponse> r : o.getResponses().entrySet()) {
                    html.append("<li>").append(escape(r.getKey())).append(": ")
                            .append(escape(r.getValue().getDescription())).append("</li>\n");
                }
                html.append("</ul>\n");
            }
        }
        return html.append("</body></html>\n").toString();
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}

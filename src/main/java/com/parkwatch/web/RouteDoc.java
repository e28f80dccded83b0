package com.parkwatch.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;

import java.util.List;

/**
 * The OpenAPI description of one route, written where the route is registered ({@link ApiRoutes#describe}): what
 * it is for, its query parameters, its body, what it answers and whether it needs a token. Path parameters come
 * from the path itself.
 */
public final class RouteDoc {

    /** The JSON error every 4xx and 5xx carries: {@code {"error":"..."}}. */
    static final String ERROR = "#/components/schemas/Error";

    private final Operation operation = new Operation().responses(new ApiResponses());

    private RouteDoc(String summary, String tag) {
        operation.summary(summary).addTagsItem(tag);
    }

    public static RouteDoc of(String tag, String summary) {
        return new RouteDoc(summary, tag);
    }

    public RouteDoc details(String description) {
        operation.description(description);
        return this;
    }

    public RouteDoc query(String name, boolean required, String description, List<String> allowed) {
        StringSchema schema = new StringSchema();
        allowed.forEach(schema::addEnumItem);
        operation.addParametersItem(new Parameter().in("query").name(name).required(required)
                .description(description).schema(schema));
        return this;
    }

    public RouteDoc body(String description, Schema<?> schema) {
        operation.requestBody(new RequestBody().required(true).description(description)
                .content(new Content().addMediaType("application/json", new MediaType().schema(schema))));
        return this;
    }

    /** An answer with a body of this type; a schema may be null where the body is described in words. */
    public RouteDoc answers(int status, String description, String contentType, Schema<?> schema) {
        ApiResponse response = new ApiResponse().description(description);
        if (contentType != null) {
            response.content(new Content().addMediaType(contentType, new MediaType().schema(schema)));
        }
        operation.getResponses().addApiResponse(Integer.toString(status), response);
        return this;
    }

    /** An error answer, with the JSON error body. */
    public RouteDoc fails(int status, String description) {
        return answers(status, description, "application/json", new Schema<>().$ref(ERROR));
    }

    /** Needs {@code Authorization: Bearer} with the token of this security scheme. */
    public RouteDoc token(String scheme) {
        operation.addSecurityItem(new SecurityRequirement().addList(scheme));
        return fails(401, "the token is missing or wrong");
    }

    Operation operation() {
        return operation;
    }
}

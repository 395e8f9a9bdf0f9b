package org.wenshi.portal.accounts;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.wenshi.portal.system.ApiException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code /admin/users} (admins only): the accounts, and forms to add one, disable or enable it, reset
 * its password and change its role; each change is logged in {@code account_event}. The same as JSON
 * for scripts: {@code GET/POST /api/admin/users}, {@code PUT /api/admin/users/{name}} with any of
 * {@code role}, {@code enabled}, {@code password}. A form's failure renders the page again with the
 * message (400/404/409), never a stack trace.
 */
@Controller
public class AdminUsersController {
    private final AccountService accounts;

    public AdminUsersController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/admin/users")
    public Mono<Rendering> page(@RequestParam(required = false) String done) {
        return render(HttpStatus.OK, null, done);
    }

    @PostMapping(value = "/admin/users", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public Mono<Rendering> form(Authentication admin, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> act(admin.getName(), form)
                .then(Mono.just(Rendering.redirectTo("/admin/users?done=" + form.getFirst("action"))
                        .build()))
                .onErrorResume(ApiException.class, e -> render(e.status(), e.getMessage(), null)));
    }

    private Mono<Void> act(String admin, MultiValueMap<String, String> form) {
        String action = form.getFirst("action");
        String username = form.getFirst("username");
        return Mono.defer(() -> switch (action == null ? "" : action) {
            case "add" ->
                accounts.add(admin, username, form.getFirst("role"), form.getFirst("password"))
                        .then();
            case "disable" -> accounts.setEnabled(admin, username, false);
            case "enable" -> accounts.setEnabled(admin, username, true);
            case "reset" -> accounts.resetPassword(admin, username, form.getFirst("password"));
            case "role" -> accounts.setRole(admin, username, form.getFirst("role"));
            default ->
                Mono.error(ApiException.badRequest(
                        "invalid_action", "action is add, disable, enable, reset or role / 未知操作"));
        });
    }

    private Mono<Rendering> render(HttpStatus status, String error, String done) {
        return accounts.all().collectList().map(list -> Rendering.view("admin-users")
                .status(status)
                .modelAttribute("accounts", list)
                .modelAttribute(
                        "roles", List.of(Role.values()).stream().map(Role::id).toList())
                .modelAttribute("formError", error)
                .modelAttribute("done", done)
                .modelAttribute("stylesheets", List.of("/css/editors.css"))
                .build());
    }

    @GetMapping(value = "/api/admin/users", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    public Mono<Map<String, List<Account>>> list() {
        return accounts.all().collectList().map(l -> Map.of("users", l));
    }

    @PostMapping(
            value = "/api/admin/users",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    public Mono<ResponseEntity<Account>> add(Authentication admin, @RequestBody(required = false) JsonNode body) {
        JsonNode b = object(body);
        return accounts.add(admin.getName(), text(b, "username"), text(b, "role"), text(b, "password"))
                .map(a -> ResponseEntity.status(HttpStatus.CREATED).body(a));
    }

    @PutMapping(
            value = "/api/admin/users/{username}",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    public Mono<Map<String, List<Account>>> change(
            Authentication admin, @PathVariable String username, @RequestBody(required = false) JsonNode body) {
        JsonNode b = object(body);
        Mono<Void> work = Mono.empty();
        if (b.has("role")) {
            work = work.then(accounts.setRole(admin.getName(), username, text(b, "role")));
        }
        if (b.has("enabled")) {
            if (!b.get("enabled").isBoolean()) {
                throw ApiException.badRequest("invalid_enabled", "enabled is true or false");
            }
            work = work.then(accounts.setEnabled(
                    admin.getName(), username, b.get("enabled").asBoolean()));
        }
        if (b.has("password")) {
            work = work.then(accounts.resetPassword(admin.getName(), username, text(b, "password")));
        }
        return work.then(list());
    }

    private static JsonNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("invalid_body", "The body must be a JSON object / 请求体须为 JSON 对象");
        }
        return body;
    }

    private static String text(JsonNode b, String field) {
        JsonNode v = b.get(field);
        return v == null || !v.isString() ? null : v.asString();
    }
}

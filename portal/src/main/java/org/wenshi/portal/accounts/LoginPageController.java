package org.wenshi.portal.accounts;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * {@code /login}: the sign-in form (Spring Security handles its POST and {@code /logout}). The
 * outcome of the last attempt comes back as a bare parameter: {@code error}, {@code locked}, {@code
 * disabled}, {@code logout}.
 */
@Controller
public class LoginPageController {

    @GetMapping("/login")
    public Mono<Rendering> login(@RequestParam org.springframework.util.MultiValueMap<String, String> params) {
        String outcome = null;
        for (String o : new String[] {"locked", "disabled", "error", "logout"}) {
            if (params.containsKey(o)) {
                outcome = o;
                break;
            }
        }
        return Mono.just(Rendering.view("login")
                .modelAttribute("outcome", outcome)
                .modelAttribute("stylesheets", java.util.List.of("/css/editors.css"))
                .build());
    }
}

package org.bms.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Sends a browser that opens the service's root to its API documentation. */
@Controller
@Hidden
class RootController {

    @GetMapping("/")
    String apiDocs() {
        return "redirect:/swagger-ui/index.html";
    }
}

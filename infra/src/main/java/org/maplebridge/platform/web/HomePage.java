package org.maplebridge.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page, and where signed-in staff start their day. */
@Controller
class HomePage {

  @GetMapping("/login")
  String signIn() {
    return "login";
  }

  @GetMapping("/")
  String home() {
    return "redirect:/caseload";
  }
}

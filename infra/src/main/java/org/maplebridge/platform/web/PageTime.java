package org.maplebridge.platform.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.maplebridge.read.ViewersZone;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Times on pages in the viewer's own time zone: the browser names it in the {@code tz} cookie
 * ({@code forms.js}, on every page), so a worker in another zone than the server never has to
 * convert a deadline in their head. Without the cookie (the very first page), the server's zone.
 */
@Component("pageTime")
public class PageTime implements ViewersZone {
  static final String COOKIE = "tz";

  public String format(Instant at, String pattern) {
    if (at == null) {
      return "";
    }
    return DateTimeFormatter.ofPattern(pattern).format(at.atZone(viewersZone()));
  }

  public String format(OffsetDateTime at, String pattern) {
    return at == null ? "" : format(at.toInstant(), pattern);
  }

  @Override
  public ZoneId zone() {
    return viewersZone();
  }

  static ZoneId viewersZone() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
      HttpServletRequest http = request.getRequest();
      if (http.getCookies() != null) {
        for (Cookie cookie : http.getCookies()) {
          if (COOKIE.equals(cookie.getName())) {
            try {
              return ZoneId.of(URLDecoder.decode(cookie.getValue(), StandardCharsets.UTF_8));
            } catch (DateTimeException unknownZone) {
              return ZoneId.systemDefault();
            }
          }
        }
      }
    }
    return ZoneId.systemDefault();
  }
}

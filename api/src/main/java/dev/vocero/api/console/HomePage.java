package dev.vocero.api.console;

import dev.vocero.api.dashboard.DashboardResource;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** Home: the dashboard's overview (today's calls by outcome, messages, credits, alerts, running campaigns). */
@Hidden
@ConsolePage
@Path("/")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class HomePage {
  private final DashboardResource dashboard;
  private final Pages pages;

  public HomePage(DashboardResource dashboard, Pages pages) {
    this.dashboard = dashboard;
    this.pages = pages;
  }

  @GET
  public String home(@Context ContainerRequestContext context) {
    ConsoleRequest p = ConsoleRequest.of(context);
    return pages.render("home", p, "o", dashboard.overview(p.principal()));
  }
}

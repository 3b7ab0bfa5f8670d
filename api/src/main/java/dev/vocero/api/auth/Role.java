package dev.vocero.api.auth;

import java.util.Locale;

/** Roles in increasing power: an admin may do everything an operator may, an operator what a viewer may. */
public enum Role {
  VIEWER,
  OPERATOR,
  ADMIN;

  public static final String VIEWER_OR_ABOVE = "viewer";
  public static final String OPERATOR_OR_ABOVE = "operator";
  public static final String ADMIN_ONLY = "admin";

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean atLeast(Role other) {
    return compareTo(other) >= 0;
  }

  /** Parses a role name, or returns null for anything else. */
  public static Role parse(String value) {
    if (value == null) {
      return null;
    }
    for (Role role : values()) {
      if (role.wire().equals(value.trim().toLowerCase(Locale.ROOT))) {
        return role;
      }
    }
    return null;
  }
}

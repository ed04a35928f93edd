package io.baseplane.cli;

/** How commands print: tables for people, or the API's own JSON for scripts. */
public enum OutputFormat {
    TEXT,
    JSON
}

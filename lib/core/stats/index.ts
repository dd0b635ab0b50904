/** Pure statistics for the Progress page: no clock, no database; instants and zones are inputs. */
export * from "./ranges";
export * from "./daily";
export * from "./streaks";
export * from "./retention";
export * from "./forecast";
export * from "./states";
export * from "./histogram";
export * from "./calendar";
export * from "./csv";

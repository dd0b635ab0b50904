/**
 * The review screen's storage and delivery (IndexedDB through idb, the outbox's sender), loaded
 * with the engine right after the page is interactive rather than as part of its first load.
 */
export { addToOutbox, dropUnsent, readContents, readOutbox, readPack, removeFromOutbox, writeContents, writePack } from "./offline-store";
export { sendOutbox } from "./outbox-sync";

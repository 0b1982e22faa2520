/** SQLite's application_id for GraphKeep stores: the ASCII bytes "GRKP". */
export const APPLICATION_ID = 0x47524b50

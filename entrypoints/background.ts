export default defineBackground(() => {
  // Wired up in later steps: the database, the message handlers and the follow-up scheduler.
});

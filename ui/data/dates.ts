/** Today as YYYY-MM-DD (UTC), the form the journey's dates take. */
export const todayIso = () => new Date().toISOString().slice(0, 10);

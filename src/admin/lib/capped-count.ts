/**
 * A count that stopped at a cap, in the admin's language: "1,000+" (the
 * distributor search counts up to 1,000 matches).
 */
export const cappedCount = (count: number, locale: string) => `${new Intl.NumberFormat(locale).format(count)}+`

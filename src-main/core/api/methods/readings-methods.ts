// Kiosk API methods of the readings service (declared in full by the service's own change).
export const readingsMethods = {} as const;

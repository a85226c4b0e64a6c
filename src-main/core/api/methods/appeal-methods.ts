// Kiosk API methods of the appeal service (declared in full by the service's own change).
export const appealMethods = {} as const;

// Kiosk API methods of the profile service (declared in full by the service's own change).
export const profileMethods = {} as const;

// Kiosk API methods of the registration service (declared in full by the service's own change).
export const registrationMethods = {} as const;

// Kiosk API methods of the payment service (declared in full by the service's own change).
export const paymentMethods = {} as const;

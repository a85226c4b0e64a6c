// Kiosk API methods for receipts (declared in full by the printing change).
export const printMethods = {} as const;

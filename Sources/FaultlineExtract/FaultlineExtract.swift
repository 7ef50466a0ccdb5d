// FaultlineExtract: what the text says happened: time expressions, quantities, and (later)
// events, their status and attribution, and claims.

// Tests of FaultlineExtract.

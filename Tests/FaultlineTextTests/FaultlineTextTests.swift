// Tests of FaultlineText.

// Tests of FaultlineKnowledge.

// FaultlineKnowledge: who is who (actors with roles over time), where is where (the gazetteer),
// what the codes mean (CAMEO and PLOVER codebooks), and the matcher that finds them in text.

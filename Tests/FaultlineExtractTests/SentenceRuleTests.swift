import FaultlineExtract
import FaultlineModel
import Testing

/// Coding rules for sentence shapes news uses, each on one sentence (PLOVER-like, dated so
/// the actors' codes are fixed).
@Suite("Event coding rules on single sentences")
struct SentenceRuleTests {
    static func events(_ text: String) throws -> [ExtractedEvent] {
        try extraction(text).events
    }

    /// The whole extraction (events, claims) of `text` published on `date`.
    static func extraction(_ text: String, on date: String = "2000-01-01") throws -> DocumentExtraction {
        let extractor = try #require(SeedExtraction.extractor, "the shipped models did not load")
        return extractor.extract(text: text, published: PublicationDate(isoString: date))
    }

    static func dyads(_ events: [ExtractedEvent]) -> [String] {
        events.map { "\($0.code) \($0.source?.code ?? "-")→\($0.target?.code ?? "-")" }
    }

    /// Expects one of the sentence's events to pass `test`; a failure lists the dyads found.
    static func expectEvent(
        in text: String, sourceLocation: SourceLocation = #_sourceLocation, where test: (ExtractedEvent) -> Bool
    ) throws {
        let found = try events(text)
        let passed = found.contains(where: test)
        #expect(passed, "\(dyads(found))", sourceLocation: sourceLocation)
    }

    @Test("'be opposed to' has its subject do the opposing")
    func opposedTo() throws {
        try Self.expectEvent(in: "Israel is opposed to French mediation in peace negotiations with Syria.") {
            $0.root == "12" && $0.source?.code?.hasPrefix("ISR") == true && $0.target?.code?.hasPrefix("FRA") == true
        }
    }

    @Test("an act done to demand something is aimed at whom the demand is")
    func purposeGivesTarget() throws {
        let found = try Self.events("Islamic fundamentalists continued their hunger strike to demand the resignation of Algerian President Ahmed Ben Bella.")
        let strike = try #require(found.first { $0.trigger == "hunger strike" }, "\(Self.dyads(found))")
        #expect(strike.target?.code?.hasPrefix("DZA") == true, "\(Self.dyads(found))")
        let demand = try #require(found.first { $0.trigger == "demand" }, "\(Self.dyads(found))")
        #expect(demand.source != nil, "the demand is the strikers': \(Self.dyads(found))")
    }

    @Test("a reminder to a country that it must act is a demand on that country")
    func messageDemand() throws {
        try Self.expectEvent(in: "French President Jacques Chirac issued a stern reminder Saturday to Iraq that it must cooperate fully with UN inspectors.") {
            $0.root == "10" && $0.source?.code?.hasPrefix("FRA") == true && $0.target?.code?.hasPrefix("IRQ") == true
        }
    }

    @Test("negotiators who travel somewhere for talks are the talks' parties")
    func travelForTalks() throws {
        let found = try Self.events("U.S. and Russian negotiators return to Geneva this week for talks on limiting nuclear missiles.")
        let talks = found.filter { $0.root == "04" }
        #expect(talks.contains { $0.source?.code?.hasPrefix("USA") == true }, "\(Self.dyads(found))")
        #expect(talks.contains { $0.source?.code?.hasPrefix("RUS") == true }, "\(Self.dyads(found))")
    }

    @Test("an unseen past tense lemmatizes to a known verb and codes (rioted → riot)")
    func riotedIsRiot() throws {
        try Self.expectEvent(in: "Egyptian demonstrators rioted following a peaceful demonstration in Cairo.") {
            $0.code == "145" && $0.trigger == "rioted"
        }
    }

    @Test("a word class accepts a plural the treebank lemmatizes as itself (supplies)")
    func pluralInWordClass() throws {
        try Self.expectEvent(in: "The United Nations on Tuesday reduced food supplies to the biggest Cambodian refugee camp.") {
            $0.root == "16" && $0.target?.code?.hasPrefix("KHM") == true
        }
    }

    @Test("a capital's name is a town of the country the text names more (Tripoli in Lebanon → LBN), else the capital")
    func capitalNamesATownElsewhere() throws {
        try Self.expectEvent(
            in: "Syrian officers today ended mediation efforts between rival militias in Tripoli as shells continued crashing into the north Lebanese port."
        ) { $0.source?.code == "SYRMIL" && $0.target?.code == "LBNREB" }
        try Self.expectEvent(in: "Tripoli rejected the plan, Libyan officials said.") { $0.source?.code == "LBY" }
    }

    @Test("a -ly noun read as an adverb closes its noun phrase (a key U.S. ally), and the U.S. describing Pakistan is no side")
    func adverbReadNounIsNoun() throws {
        try Self.expectEvent(in: "Pakistan, a key U.S. ally in the war against terrorism, has refused to deploy peacekeepers in Iraq.") {
            $0.source?.code == "PAK" && $0.root == "12" && $0.target?.code?.hasPrefix("IRQ") == true
        }
    }

    @Test("a country that only names a border is no side's country (Karen guerrillas on the Thai border are Burmese rebels)")
    func borderCountryIsAPlace() throws {
        try Self.expectEvent(in: "Burmese troops have captured part of a Karen guerrilla stronghold on the Thai border after five days of fighting.") {
            $0.source?.code == "MMR" && $0.target?.code == "MMRREB"
        }
    }

    @Test("a trailing '…, the agency reported' parsed as a conjunct is the report's frame: reported by it, and not the target")
    func trailingReportIsTheFrame() throws {
        let text = "Afghan guerillas blew up three main electric power lines leading into Kabul last month and nearly one third of the city's power supply is still down, the Czechoslovak news agency Ceteka reported from Kabul today."
        try Self.expectEvent(in: text) {
            $0.source?.code == "AFGREB" && $0.target == nil && $0.status == .reported && $0.attributedTo?.text.contains("Ceteka") == true
        }
    }

    @Test("an ethnic group is coded by the country the sentence places it in (ethnic Albanians in Serbia → SRB)")
    func ethnicGroupTakesItsPlace() throws {
        try Self.expectEvent(in: "Serb forces killed three ethnic Albanians in a gunbattle in southeastern Serbia Friday.") {
            $0.source?.code?.hasPrefix("SRB") == true && $0.target?.code?.hasPrefix("SRB") == true
        }
        try Self.expectEvent(in: "Serb forces killed three Albanians in a gunbattle.") { $0.target?.code?.hasPrefix("ALB") == true }
    }

    @Test("launching fire or a barrage against someone is military force (launched artillery fire against guerrilla camps)")
    func launchedFire() throws {
        try Self.expectEvent(in: "Vietnamese forces launched artillery fire against Kampuchean guerrilla camps.") {
            $0.code == "190" && $0.source?.code == "VNMMIL" && $0.target?.code?.hasPrefix("KHM") == true
        }
    }

    @Test("an adjective closing a subject before a day word or a verb is its noun (A top U.S. official today praised …)")
    func adjectiveReadNounIsNoun() throws {
        try Self.expectEvent(in: "A top U.S. official today praised Haiti's efforts to improve its record on human rights.") {
            $0.source?.code?.hasPrefix("USA") == true && $0.target?.code?.hasPrefix("HTI") == true
        }
    }

    @Test("a noun phrase stranded after an object-less verb is its object (… killed one U.S. soldier …, the military said)")
    func strandedObject() throws {
        try Self.expectEvent(in: "A roadside bombing near the town of Samarra on Sunday killed one U.S. soldier and wounded two others, the military said.") {
            $0.trigger == "killed" && $0.target?.code?.hasPrefix("USA") == true && $0.status == .reported
        }
    }

    @Test("a participle on one of two subjects of a reporting verb is that subject's verb (The Israeli army forced out …, residents said)")
    func participleOfASecondSubject() throws {
        try Self.expectEvent(
            in: "The Israeli army forced out on Wednesday more than 1,000 Palestinian refugees from their homes in a West Bank refugee camp during a 48-hour search for militants, residents said."
        ) { $0.source?.code == "ISRMIL" && $0.target?.code?.hasPrefix("PSE") == true }
    }

    @Test("a region named before rebels gives their country (Darfur rebels → SDNREB)")
    func regionModifierGivesCountry() throws {
        try Self.expectEvent(in: "The Sudanese government has accused Darfur rebels of violating a month-old ceasefire, a member of the Chadian team has said.") {
            $0.root == "11" && $0.target?.code == "SDNREB"
        }
    }

    @Test("a past tense read as a modifier between two nouns is the verb (Hamas fired rockets)")
    func pastTenseBetweenNouns() throws {
        try Self.expectEvent(in: "Hamas fired rockets at Israel on Monday.") {
            $0.trigger == "fired" && $0.target?.code?.hasPrefix("ISR") == true
        }
    }

    @Test("a doubled consonant stays when the treebank knows the word (shelled → shell)")
    func shelledIsShell() throws {
        try Self.expectEvent(in: "Sudanese rebels shelled the town of Wau on Sunday.") {
            $0.trigger == "shelled" && $0.root == "19"
        }
    }

    @Test("a state of siege is no government, and the reporter's country is not the actors'")
    func stateOfSiege() throws {
        let found = try Self.events("The military government declared a 30-day state of siege in Haiti on Saturday, a spokeswoman for the U.S. Embassy said.")
        let siege = try #require(found.first { $0.code == "1724" }, "\(Self.dyads(found))")
        #expect(siege.source?.code == "HTIGOV" && siege.target?.code?.hasPrefix("HTI") == true, "\(Self.dyads(found))")
    }

    @Test("a silent e comes back when an ending is stripped (upgraded → upgrade)")
    func silentE() throws {
        try Self.expectEvent(in: "Czechoslovakia and Albania have upgraded their diplomatic ties after an 18-year break.") {
            $0.trigger == "upgraded" && $0.code == "050" && $0.source?.code?.hasPrefix("ALB") == true
        }
    }

    @Test("a closing attribution is not the main clause's verb (Zambia extradited …, an official said)")
    func trailingAttribution() throws {
        try Self.expectEvent(in: "Zambia extradited suspected British militant Haroon Rashid Aswad to Britain on Sunday, a senior Zambian government official said.") {
            $0.code == "063" && $0.source?.code?.hasPrefix("ZMB") == true && $0.target?.code?.hasPrefix("GBR") == true && $0.status == .reported
        }
    }

    @Test("an appeal is coded whether it asks, requests or calls on")
    func appeals() throws {
        try Self.expectEvent(in: "Romania has asked the European Community for immediate delivery of additional aid, EC sources said on Thursday.") {
            $0.code == "023" && $0.source?.code?.hasPrefix("ROU") == true && $0.target?.code?.hasPrefix("IGOEUR") == true
        }
        try Self.expectEvent(in: "The United States called on Israel to move forward with its disengagement plan.") {
            $0.root == "02" && $0.source?.code?.hasPrefix("USA") == true && $0.target?.code?.hasPrefix("ISR") == true
        }
    }

    @Test("a vow to fight is a threat, not a promise to cooperate")
    func vowToFight() throws {
        let found = try Self.events("Ethnic Albanians have sworn to fight until they gain control of villages near Macedonia's border with Kosovo.")
        #expect(found.first?.root == "13", "\(Self.dyads(found))")
    }

    @Test("a pronoun in a clause with its own conjunction is not the main clause's subject (like he requested)")
    func pronounInAdverbialClause() throws {
        let found = try Self.events("Ukraine predictably refused to withdraw from the administrative borders of Russia's new regions like he requested.")
        #expect(!found.contains { $0.trigger == "requested" && $0.source?.code?.hasPrefix("UKR") == true }, "\(Self.dyads(found))")
    }

    @Test("a killing is an assault, and military force when the military kills")
    func killings() throws {
        let bombers = try Self.events("Two Palestinian suicide bombers killed 23 people in Tel Aviv, police said.")
        #expect(bombers.first { $0.trigger == "killed" }?.root == "18", "\(Self.dyads(bombers))")
        let forces = try Self.events("Serb forces killed three ethnic Albanians in a gunbattle in southeastern Serbia Friday.")
        #expect(forces.first { $0.trigger == "killed" }?.root == "19", "\(Self.dyads(forces))")
    }

    @Test("a day between subject and verb is the verb's time, not the subject's head (Oxfam Canada today called on …)")
    func dayBetweenSubjectAndVerb() throws {
        try Self.expectEvent(in: "Oxfam Canada today called on the world community to help save tens of thousands of Afghan civilians threatened with starvation.") {
            $0.trigger == "called" && $0.root == "02" && $0.source != nil
        }
    }

    @Test("another domestic agent of the source's country can be the target (demonstrators against the president)")
    func domesticTarget() throws {
        try Self.expectEvent(in: "Egyptian demonstrators rioted following a peaceful demonstration calling for the immediate removal of President Hosni Mubarak from office.") {
            $0.trigger == "rioted" && $0.target?.code == "EGYGOV"
        }
    }

    @Test("a withdrawal someone is reported to promise on a condition is a threat; the writer's own conditional is not")
    func conditionalThreat() throws {
        try Self.expectEvent(in: "African states today announced that they will withdraw their peacekeeping force from Chad unless the government arranged a ceasefire with rebels.") {
            // The threat is what was announced: its condition does not make it hypothetical.
            $0.trigger == "withdraw" && $0.code == "136" && $0.status == .reported
        }
        let unreported = try Self.events("African states will withdraw their peacekeeping force from Chad unless the government arranged a ceasefire with rebels.")
        #expect(unreported.contains { $0.trigger == "withdraw" && $0.root == "03" }, "\(Self.dyads(unreported))")
    }

    @Test("a 'will' someone outside the act reports is their forecast of the act, not the actor's threat")
    func forecastIsNoThreat() throws {
        // Analysts' forecast: the attack itself, hypothetical, theirs.
        try Self.expectEvent(in: "Russia will attack Ukraine next spring, Western analysts said.") {
            $0.code == "190" && $0.status == .hypothetical && $0.attributedTo?.text == "Western analysts"
        }
        // The actor's own words stay a threat.
        try Self.expectEvent(in: "Russia said it will attack Ukraine if the talks fail.") { $0.code == "138" && $0.status == .reported }
        // A speaker of the actor's own country states its intention: sanctions threatened (1312).
        try Self.expectEvent(in: "The United States will impose new sanctions on Belarus, the State Department said.") {
            $0.code == "1312" && $0.source?.code?.hasPrefix("USA") == true
        }
        // A host announcing a visit has agreed to it: an intention to meet, not a forecast.
        try Self.expectEvent(in: "The German foreign minister will visit Albania in June, the Albanian embassy said.") { $0.root == "03" }
    }

    @Test("a closing '…, US officials warned' the parser hung as an adverbial clause is the sentence's reporting frame")
    func closingReportingClause() throws {
        try Self.expectEvent(in: "China will provide weapons to Russia, US officials warned.") {
            $0.root == "07" && $0.status == .hypothetical && $0.attributedTo?.text == "US officials"
        }
        // A clause with an object of its own is no frame: the adding is the railway's deed.
        let found = try Self.extraction(
            "Read together, they describe a pattern that has been building since September 1, when Belarusian Railways quietly added four overnight freight paths.")
        #expect(!found.claims.contains { $0.cue == "added" }, "\(found.claims.map(\.cue))")
    }

    @Test("a town acted on stands for its country as the target ('attacked Kharkiv')")
    func placeActedOn() throws {
        try Self.expectEvent(in: "Russia attacked Kharkiv, Ukraine's defence ministry said.") {
            $0.root == "19" && $0.source?.code?.hasPrefix("RUS") == true && $0.target?.code == "UKR" && $0.target?.inferred == true
        }
    }

    @Test("what a leader urges others to do is theirs and unreal, not the leader's deed")
    func urgedInfinitive() throws {
        let found = try Self.events("Zelensky urged Western allies to send more air defence systems.")
        #expect(found.contains { $0.trigger == "urged" && $0.source?.code?.hasPrefix("UKR") == true }, "\(Self.dyads(found))")
        #expect(!found.contains { $0.trigger == "send" && $0.source?.code?.hasPrefix("UKR") == true }, "\(Self.dyads(found))")
    }

    @Test("a capital after 'in' is where talks or a signing happen, not their target")
    func capitalAsVenue() throws {
        let found = try Self.events("China and Belarus signed a trade agreement in Beijing.")
        #expect(found.contains { $0.trigger == "signed" }, "\(Self.dyads(found))")
        #expect(!found.contains { $0.target?.code?.hasPrefix("CHN") == true }, "\(Self.dyads(found))")
    }

    @Test("a strike in a region is aimed at its country; a closing '… told Reuters' reports it, and Reuters is no target")
    func strikeToldReuters() throws {
        try Self.expectEvent(in: "Ukrainian drones struck an oil refinery in the Bryansk region overnight, a source in the security service told Reuters.") {
            $0.root == "19" && $0.source?.code?.hasPrefix("UKR") == true && $0.target?.code == "RUS" && $0.status == .reported
                && $0.attributedTo?.text == "a source in the security service"
        }
    }

    @Test("an institution in a capital is that country's")
    func institutionInCapital() throws {
        try Self.expectEvent(in: "The parliament in Vilnius condemned the Belarusian crackdown.") { $0.root == "11" && $0.source?.code == "LTULEG" }
    }

    @Test("a bare agent in a sentence that names a town but no country is of the town's country, not the document's")
    func agentOfTheTown() throws {
        // The document is about Belarus; the sentence is about Dnipro.
        let text = "Belarus hosted the drills. Belarusian troops joined Russian units. Minsk praised Belarus' army.\n\nRussian missiles hit an apartment block in Dnipro, killing at least 40 people."
        let found = try Self.extraction(text, on: "2023-01-15").events
        let killing = try #require(found.first { $0.trigger == "killing" }, "\(Self.dyads(found))")
        #expect(killing.target?.code == "UKRCVL", "\(Self.dyads(found))")
    }

    @Test("a closing '…, Russian authorities confirmed' with no subject in the parse still reports the sentence")
    func subjectlessClosingAttribution() throws {
        let found = try Self.extraction("The head of the Wagner group was killed in a plane crash, Russian authorities confirmed.", on: "2023-08-25")
        #expect(found.events.allSatisfy { $0.status == .reported }, "\(found.events.map(\.status))")
        let claim = try #require(found.claims.first, "no claim")
        #expect(claim.cue == "confirmed" && claim.speaker?.code?.hasPrefix("RUS") == true)
    }

    @Test("'according to X' hung on an infinitive reports the whole clause")
    func accordingToOnInfinitive() throws {
        let text = "Belarus may be preparing to attack Ukraine from the north, according to Ukrainian intelligence."
        let found = try Self.extraction(text, on: "2023-01-15")
        let claim = try #require(found.claims.first { $0.cue == "according to" }, "no claim")
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[claim.start..<claim.end])) == "Belarus may be preparing to attack Ukraine from the north")
    }

    @Test("'called on X to release' makes the release X's and unreal")
    func calledOnToRelease() throws {
        let found = try Self.events("German Chancellor Olaf Scholz called on Lukashenko to release political prisoners.")
        let release = try #require(found.first { $0.trigger == "release" }, "\(Self.dyads(found))")
        #expect(release.source?.code?.hasPrefix("BLR") == true && release.status == .hypothetical, "\(Self.dyads(found)) \(release.status)")
    }

    @Test("denying reports that something happens denies it")
    func deniedReports() throws {
        try Self.expectEvent(in: "The Kremlin denied reports that Russian troops were massing near the border.") {
            $0.trigger == "massing" && $0.status == .denied
        }
    }

    @Test("a closing '…, the defence minister said on Thursday' read as a relative clause still reports the sentence")
    func closingAttributionReadAsRelative() throws {
        try Self.expectEvent(in: "Poland has deployed 10,000 soldiers to its border with Belarus, the defence minister said on Thursday.") {
            $0.trigger == "deployed" && $0.status == .reported
        }
    }
}

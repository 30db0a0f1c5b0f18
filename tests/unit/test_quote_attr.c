/* The quote extractor's attribution rules added for harder sentence shapes,
 * each on a small invented article: a quotation that ends its own sentence
 * before a new "X said ..." sentence, long appositives between a name and
 * its cue, single quoted words judged by the subject, and the subject of a
 * sentence behind a long opening clause. */
#include <stdlib.h>
#include <string.h>

#include "quoted/quote.h"
#include "testutil.h"

static struct quote_list ql;

static void run(const char *text)
{
	quote_list_free(&ql);
	CHECK(quotes_extract(text, strlen(text), &ql) == 0);
}

static const struct quote *find(const char *prefix)
{
	for (size_t i = 0; i < ql.n; i++)
		if (strncmp(ql.v[i].text, prefix, strlen(prefix)) == 0)
			return &ql.v[i];
	return NULL;
}

#define CHECK_SPEAKER(prefix, want)                                  \
	do {                                                         \
		const struct quote *q_ = find(prefix);               \
		CHECK(q_ != NULL);                                   \
		if (q_)                                              \
			CHECK_STR(q_->speaker, want);                \
	} while (0)

/* "...arbitrary." Smith warned that ...: a new sentence with a clause of
 * its own does not attribute the quotation before it. */
static void test_sentence_closed_in_quote(void)
{
	run("The harbour board voted on Thursday to close the north pier.\n\n"
	    "Mayor Ellen Hartwig called the decision \"reckless.\" Pier manager "
	    "Colm Brady warned on Friday that the closure would cost jobs.\n\n"
	    "\"We will appeal.\" Brady said.\n\n"
	    "\"It came out of nowhere.\" Hartwig said at a news conference.\n");
	CHECK_SPEAKER("reckless", "Ellen Hartwig");
	CHECK_SPEAKER("We will appeal", "Colm Brady");
	CHECK_SPEAKER("It came out", "Ellen Hartwig");
}

/* "He" and "she" skip a person whose given name says the other gender;
 * a title or a gendered role still wins over the name ("Mrs. John
 * Whitaker", in the old style, is a woman). */
static void test_pronoun_given_name(void)
{
	run("Karin Vogt has run the corner bakery for twenty years.\n\n"
	    "Last month the owner of the building, Thomas Weller, raised her rent "
	    "by half.\n\n"
	    "\"I cannot pay this,\" she said.\n\n"
	    "Mrs. John Whitaker chaired the garden club for a decade.\n\n"
	    "\"We never missed a show,\" she said.\n");
	CHECK_SPEAKER("I cannot pay", "Karin Vogt");
	CHECK_SPEAKER("We never missed", "John Whitaker");
}

/* "...," X, <a long appositive, maybe with a quoted title>, said */
static void test_long_appositive(void)
{
	run("The festival lost its main sponsor this week.\n\n"
	    "\"We were told nothing in advance,\" Marta Lindqvist, director of "
	    "programming at the city's largest theatre, said on Monday.\n\n"
	    "\"It is a blow,\" Oskar Fenn, wearing a \"Save the Fest\" badge and a "
	    "scarf, told reporters.\n");
	CHECK_SPEAKER("We were told", "Marta Lindqvist");
	CHECK_SPEAKER("It is a blow", "Oskar Fenn");
}

/* A single quoted word is the subject's judgement after "called" or "as";
 * elsewhere it stays a scare quote with no speaker. */
static void test_single_word_judged(void)
{
	run("The council published its budget on Tuesday.\n\n"
	    "Opposition leader Rhona Dale dismissed the plan as \"fantasy.\"\n\n"
	    "Treasurer Ivo Marsh called the opposition's figures \"invented\" "
	    "in a radio interview.\n\n"
	    "The budget funds a new \"smart\" parking system.\n");
	CHECK_SPEAKER("fantasy", "Rhona Dale");
	CHECK_SPEAKER("invented", "Ivo Marsh");
	{
		const struct quote *q = find("smart");
		CHECK(q == NULL || q->speaker == NULL);
	}
}

/* The subject behind a long opening clause with commas of its own, behind
 * a dateline, and not the one addressed by a passive "was asked". */
static void test_long_opening(void)
{
	run("BRISTOL, March 3 (Wire) \xE2\x80\x94 The Port Authority issued a notice on "
	    "Monday, promising \"a full review of the dredging contract\" within weeks.\n\n"
	    "Speaking at a harbour meeting in Avonmouth, which hosts the dredgers, "
	    "councillor Jane Whitby attacked the contract, a \"sweetheart deal\" "
	    "for the winning bidder.\n\n"
	    "Whitby was asked by radio host Ravi Kapoor, who has covered the port for "
	    "years, \"Will you vote against it?\"\n");
	CHECK_SPEAKER("a full review", "Port Authority");
	CHECK_SPEAKER("sweetheart deal", "Jane Whitby");
	{
		const struct quote *q = find("Will you vote");
		CHECK(q != NULL);
		if (q && q->speaker)
			CHECK(strstr(q->speaker, "Whitby") == NULL);
	}
}

/* A speaker named only by description keeps whom the description ties
 * them to: "a spokeswoman for the ministry". */
static void test_description_tail(void)
{
	run("The ministry delayed the tender again.\n\n"
	    "\"No decision has been taken,\" said a spokeswoman for the Transport "
	    "Ministry.\n");
	CHECK_SPEAKER("No decision", "spokeswoman for the Transport Ministry");
}

/* Agreements, treaties and acts are organisations' documents, never a
 * person a pronoun stands for. */
static void test_agreement_not_person(void)
{
	run("Trade Minister Paul Okonjo said the decision was made because of slow "
	    "progress in renegotiating the Atlantic Free Trade Agreement (AFTA). He also "
	    "predicted that any retaliation would lead to only \"trivial\" cost increases.\n");
	CHECK_SPEAKER("trivial", "Paul Okonjo");
}

/* A mention that ran on into its appositive ("Lena Ortiz, a former member
 * of ...") still names the subject of the cue or verb after the
 * appositive, and an appositive may hold commas of its own. */
static void test_appositive_subject(void)
{
	run("The harbour plan was debated for three hours.\n\n"
	    "Lena Ortiz, a former board member of the fishing cooperative, said the plan "
	    "had \"no support at all\" among crews.\n\n"
	    "Tomas Reyes, director of the river trust and adviser to the county, "
	    "welcomed \"a long overdue change to the harbour rules.\"\n\n"
	    "Ines Duarte, a planner who works with Green Streets, a local charity, said "
	    "the scheme was \"badly drawn and worse explained.\"\n");
	CHECK_SPEAKER("no support", "Lena Ortiz");
	CHECK_SPEAKER("a long overdue", "Tomas Reyes");
	CHECK_SPEAKER("badly drawn", "Ines Duarte");
}

/* A headline quoting words the body quotes again is a teaser: only the
 * body's quotation is kept; a headline quotation found nowhere else stays. */
static void test_headline_teaser(void)
{
	size_t n = 0;
	run("Hartwig: pier closure 'a blow to the whole town'\n\n"
	    "The harbour board voted on Thursday to close the north pier.\n\n"
	    "\"It is a blow to the whole town,\" Mayor Ellen Hartwig said.\n");
	for (size_t i = 0; i < ql.n; i++)
		n += strstr(ql.v[i].text, "blow to the whole town") != NULL;
	CHECK(n == 1);
	CHECK_SPEAKER("It is a blow", "Ellen Hartwig");
	run("Ferry operator warns of 'months of delays'\n\n"
	    "The harbour board voted on Thursday to close the north pier.\n");
	CHECK(find("months of delays") != NULL);
}

/* Indirect speech: a quotation inside a clause reported by an earlier cue
 * belongs to that cue's subject ("Okafor said Lind called ..."), unless the
 * earlier cue sits in an opening clause; a quotation that ends its own
 * sentence starts a new one; "on Friday" stands between subject and verb. */
static void test_reported_clause(void)
{
	run("The council met late into the night.\n\n"
	    "Councillor Ada Okafor said Mayor Per Lind called the budget \"a plan for "
	    "nobody.\" Treasurer Rosa Vidal called the meeting \"long but useful.\"\n\n"
	    "While not everything Lind says is wrong, Vidal said the mayor was \"too "
	    "fond of slogans.\"\n\n"
	    "Union leader Karim Haddad on Friday criticised the cuts agreed among the parties "
	    "in the chamber, saying they go \"far beyond what anyone expected.\"\n");
	CHECK_SPEAKER("a plan for nobody", "Ada Okafor");
	CHECK_SPEAKER("long but useful", "Rosa Vidal");
	CHECK_SPEAKER("too fond", "Rosa Vidal");
	CHECK_SPEAKER("far beyond", "Karim Haddad");
}

/* Indirect speech whose reporting verb follows a long appositive: the
 * subject that owns the verb speaks, not a place or body inside the
 * appositive; a dateline ending in an abbreviated state is skipped. */
static void test_indirect_subject_appositive(void)
{
	run("The budget hearings opened on Tuesday.\n\n"
	    "Rep. Nora Quist (D-Vt.), chair of the Appropriations Panel, said that the "
	    "panel was \"fully committed to an open process\" this year.\n\n"
	    "SALEM, Ore. \xe2\x80\x94 Gov. Ivan Ruud weighed in on the dispute on Monday, "
	    "calling the delay a \"needless embarrassment.\"\n");
	CHECK_SPEAKER("fully committed", "Nora Quist");
	CHECK_SPEAKER("needless embarrassment", "Ivan Ruud");
}

/* "...," X retaliated.  /  "...," recalled X.  A source and a verb that
 * close the sentence after a quotation report it, whatever the verb; a
 * quoted word inside a clause is not reported that way. */
static void test_any_verb_closing(void)
{
	run("Ferry operator Lena Brandt and mayor Tomas Evers clashed on Monday.\n\n"
	    "\"The timetable is a fantasy,\" an irritated Brandt bristled.\n\n"
	    "\"We will fix it by spring,\" Evers sniffed. \"Nobody will wait.\"\n\n"
	    "\"It was chaos on the pier,\" reminisced Jonas Weber, a former harbour "
	    "pilot.\n\n"
	    "The council wants to \"streamline\" ferries scheduled for summer.\n");
	CHECK_SPEAKER("The timetable", "Lena Brandt");
	CHECK_SPEAKER("We will fix", "Tomas Evers");
	CHECK_SPEAKER("Nobody will wait", "Tomas Evers");
	CHECK_SPEAKER("It was chaos", "Jonas Weber");
	CHECK_SPEAKER("streamline", NULL);
}

/* A source described by lower-case words before its role, after an
 * inverted cue ("said election lawyer X", "said former tech executive X",
 * "said undecided voter X"), also when the inverted cue closes the
 * sentence after the quotation ("... in May, said professor X."). */
static void test_inverted_description(void)
{
	run("The county audit is due in June.\n\n"
	    "\"The accounts are a maze,\" said election lawyer Mirela Dost.\n\n"
	    "\"Nobody checked the invoices,\" said former tech executive Arne Voss "
	    "during the debate.\n\n"
	    "\"I have not decided yet,\" said undecided voter Hana Lutz of Greenfield.\n\n"
	    "Fees rose \"well beyond inflation\" last year, said Northfield University "
	    "professor Piet Kramer.\n");
	CHECK_SPEAKER("The accounts are", "Mirela Dost");
	CHECK_SPEAKER("Nobody checked", "Arne Voss");
	CHECK_SPEAKER("I have not decided", "Hana Lutz");
	CHECK_SPEAKER("well beyond", "Piet Kramer");
}

/* A word or two quoted in a later sentence of a paragraph is a term in
 * use, not the words of the earlier sentence's speaker. */
static void test_short_quote_later_sentence(void)
{
	run("Mayor Ana Ruiz said on Monday that the budget was balanced. Since then "
	    "the \"balanced\" budget has grown by a third.\n");
	CHECK_SPEAKER("balanced", NULL);
}

/* He and she stand for a person, never for a place named nearer to the
 * pronoun: "New Hampshire", "Salt Lake City". */
static void test_pronoun_not_place(void)
{
	run("Governor Ruth Abend toured the mills on Tuesday before flying to New "
	    "Hampshire.\n\n"
	    "\"The mills can reopen by autumn,\" she said.\n\n"
	    "Senator Ivo Marsh spoke at a rally in Salt Lake City.\n\n"
	    "\"We owe these workers an answer,\" he said.\n");
	CHECK_SPEAKER("The mills can", "Ruth Abend");
	CHECK_SPEAKER("We owe these", "Ivo Marsh");
}

/* Sentence-initial words: a surname in -ly before a verb of saying is a
 * name ("Connolly said"); an inverted cue ("Said X") and an opening
 * participle ("Reached by phone, X ...") are not part of one. */
static void test_sentence_initial_words(void)
{
	run("Nurse Maura Connolly and porter Ines Falk both worked the night shift.\n\n"
	    "Connolly said: \"We had four nurses for sixty beds.\"\n\n"
	    "Said Ines Falk, who has worked there for a decade, \"Nobody came to "
	    "help.\"\n\n"
	    "Reached by phone, Falk said the rota was \"a work of fiction.\"\n");
	CHECK_SPEAKER("We had four", "Maura Connolly");
	CHECK_SPEAKER("Nobody came", "Ines Falk");
	CHECK_SPEAKER("a work of fiction", "Ines Falk");
}

/* "figures show "...": the verb, not a television show's title. */
static void test_show_as_verb(void)
{
	run("Finance Minister Lars Berg said on Friday that the latest figures show "
	    "\"steady growth\" in exports.\n");
	CHECK_SPEAKER("steady growth", "Lars Berg");
}

/* A definite description qualified by a proper name ("the Ohio senator",
 * "the Lisbon lawyer") is itself the speaker when it names no one the
 * article names; a party or a country alone does not qualify it. */
static void test_qualified_description(void)
{
	run("The drug shortage reached the coast this week.\n\n"
	    "\"We ran out of insulin on Tuesday,\" the Lisbon lawyer said.\n\n"
	    "\"Shelves are empty everywhere,\" the Republican nominee said.\n");
	CHECK_SPEAKER("We ran out", "Lisbon lawyer");
	CHECK_SPEAKER("Shelves are empty", NULL);
}

/* Objects are not speakers: a new sentence whose verb takes an object or
 * an infinitive after a closed quotation, a participle's object
 * ("promising the Friends of ..."; "emailed supporters saying"), a party
 * tag in parentheses before the cue's comma, a compound adjective
 * ("a Trump-style retort"). */
static void test_objects_not_speakers(void)
{
	run("Voters cheered his old demand: \"Tear down this fence!\" Farmers still "
	    "praise his refusal to accept the border.\n\n"
	    "Ana Berling said the members will meet again, but said, \"It is time we "
	    "change how we do it,\" promising the Friends of the Valley a new hall.\n\n"
	    "At Baldwin College in Berea, OH, Gov. Jim Kass (R-OH), said, \"I am ready "
	    "to rent a car.\"\n\n"
	    "Jeb Harte offered a Kass-style retort, tweeting at him, \"you are just a "
	    "loser.\"\n\n"
	    "Senator Ike Sandel emailed supporters saying: \"The struggle goes on.\"\n\n"
	    "Backers say the agency would act as an \"honest umpire.\" Students would "
	    "continue to take tests every year.\n");
	CHECK_SPEAKER("Tear down", "Voters");
	CHECK_SPEAKER("It is time", "Ana Berling");
	CHECK_SPEAKER("I am ready", "Jim Kass");
	CHECK_SPEAKER("you are just", "Jeb Harte");
	CHECK_SPEAKER("The struggle", "Ike Sandel");
	CHECK_SPEAKER("honest umpire", "Backers");
}

/* The subject behind "And after ...,", a spelled-out number opening a
 * sentence, and a columnist called Will. */
static void test_subject_openings(void)
{
	run("Columnist Nora Will and Mayor Pat Roane disagree about the tunnel.\n\n"
	    "And after the court halted the works, Roane blamed the judges' \"blind "
	    "hostility to progress.\"\n\n"
	    "Fifteen years ago, Roane called the tunnel \"a dream for the next "
	    "generation.\"\n\n"
	    "In her column, Will called the project \"a monument to vanity.\"\n");
	CHECK_SPEAKER("blind hostility", "Pat Roane");
	CHECK_SPEAKER("a dream for", "Pat Roane");
	CHECK_SPEAKER("a monument", "Nora Will");
}

/* "said one longtime adviser": an indefinite description introduces
 * someone new; it is not resolved to the adviser the article named. */
static void test_indefinite_not_resolved(void)
{
	run("Campaign adviser Rona Vitt briefed reporters on Monday.\n\n"
	    "\"This debate will be rough,\" said one longtime adviser to the governor.\n");
	CHECK_SPEAKER("This debate", "longtime adviser");
}

/* A capitalised title whose organisation runs on into the name:
 * "Under Secretary of the Treasury Ilse Varga".  A city after "Mayor of"
 * and "Bank of New York" stay whole. */
static void test_title_org_then_name(void)
{
	const struct quote *q;
	run("Ports reopened on Monday after a week of strikes.\n\n"
	    "Under Secretary of the Treasury Ilse Varga said the government would "
	    "answer any new blockade with \"swift penalties.\"\n\n"
	    "\"We do not expect trouble,\" the Mayor of Salt Lake City said.\n\n"
	    "\"Rates will hold,\" said Tom Reyes, president of the Federal Reserve "
	    "Bank of New York.\n");
	CHECK_SPEAKER("swift penalties", "Ilse Varga");
	q = find("swift penalties");
	CHECK(q && q->role && strstr(q->role, "secretary") != NULL);
	q = find("We do not expect");
	CHECK(q && (!q->speaker || strstr(q->speaker, "Lake City") == NULL ||
		    strstr(q->speaker, "Salt") != NULL));
	CHECK_SPEAKER("Rates will hold", "Tom Reyes");
}

/* "X of City, State says": the state is where X lives, not a speaker;
 * "a farmer from Ames, Iowa, said" is the farmer. */
static void test_city_state_not_speaker(void)
{
	run("Turnout was high at the county fair.\n\n"
	    "Lena Ortiz of Fargo, North Dakota says the new levy is \"a slap in "
	    "the face.\"\n\n"
	    "A farmer from Ames, Iowa, said the rain came \"too late for the "
	    "corn.\"\n");
	CHECK_SPEAKER("a slap in", "Lena Ortiz");
	CHECK_SPEAKER("too late for", "farmer from Ames");
}

/* A signature line under a quotation paragraph names its speaker, rather
 * than the person of the paragraph before. */
static void test_signature_line(void)
{
	run("Mayor Pat Roane opened the debate on the harbour budget.\n\n"
	    "\"We cannot keep paying for a pier nobody uses.\"\n\n"
	    "- Councillor Ida Brandt.\n\n"
	    "\"Proud of our crews tonight.\"\n\n"
	    "-Fire Chief Omar Sayed, writing on social media.\n\n"
	    "The vote is set for Friday.\n");
	CHECK_SPEAKER("We cannot keep", "Ida Brandt");
	CHECK_SPEAKER("Proud of our", "Omar Sayed");
}

/* "Holm's defence lawyer": a description made definite by a possessive
 * name is itself the speaker when the article names no such person. */
static void test_possessive_description(void)
{
	run("The fraud trial of Erik Holm closed on Tuesday.\n\n"
	    "In a filing, Holm's defence lawyer asked for a fine, calling the "
	    "thefts \"a cry for help.\"\n");
	CHECK_SPEAKER("a cry for help", "Holm's defence lawyer");
}

/* An unnamed source keeps its description: "a source close to the
 * board", "one official familiar with the talks". */
static void test_unnamed_source_description(void)
{
	run("The port authority met behind closed doors on Monday.\n\n"
	    "\"The chair will resign,\" a source close to the board said.\n\n"
	    "One official familiar with the talks said a deal was \"within "
	    "reach.\"\n");
	CHECK_SPEAKER("The chair will", "source close to the board");
	CHECK_SPEAKER("within reach", "official familiar with the talks");
}

/* "..., said its chair X (pictured). "..."": a person right behind a cue
 * after a comma is its source, not the object of the clause before. */
static void test_comma_inverted_source(void)
{
	run("LAKEVILLE, June 3 (Wire) -- The Water Board (WB) is not hiding the "
	    "test results of the North Reservoir (NR), said its chairman Aldo "
	    "Ferri (pictured). \"What you read online is rumour, and we will "
	    "publish every figure once it is checked.\"\n");
	CHECK_SPEAKER("What you read", "Aldo Ferri");
}

/* "It comes as critics warned of "deep cuts"": an expletive "it" stands
 * for no one, not for the organisation named before. */
static void test_expletive_it(void)
{
	run("The budget was published on Monday. Photo: Harbour Press Agency\n\n"
	    "It comes as unions have warned of \"deep and lasting cuts\" to "
	    "local services.\n");
	{
		const struct quote *q = find("deep and lasting");
		CHECK(q != NULL);
		CHECK(q && (!q->speaker || strstr(q->speaker, "Agency") == NULL));
	}
	/* "It has not helped that ...": an auxiliary, then "that" */
	run("Delegates from Ghana met in Accra last week.\n\n"
	    "It has not helped that the governor's campaign has cycled through "
	    "slogans, from \"working families\" to \"standing with you.\"\n");
	CHECK_SPEAKER("working families", NULL);
	CHECK_SPEAKER("standing with you", NULL);
	/* but "It has said that ..." is the ministry speaking */
	run("The Ministry of Ports published its review on Monday.\n\n"
	    "It has said that the new berths will be \"ready by the spring.\"\n");
	CHECK_SPEAKER("ready by the spring", "Ministry of Ports");
	/* "it's prohibited when ...": no one */
	run("The Harbour Board met on Monday.\n\n"
	    "Though board rules usually permit members to send proxies, it's "
	    "prohibited when voting \"to fill a vacancy on the board,\" per the "
	    "bylaws.\n");
	CHECK_SPEAKER("to fill a vacancy", NULL);
}

/* "De Vries" is "Henk de Vries" again; a sentence opening "The
 * operators' association, Deltaport Employers," names an organisation;
 * "X of the University of Texas" works there ("of Delaware" is a place). */
static void test_particles_and_org_appositive(void)
{
	run("\"We are not going back,\" said Henk de Vries, who leads the "
	    "dockers' branch.\n\n"
	    "The operators' association, Deltaport Employers, said the demands "
	    "were \"unrealistic in the current market.\"\n\n"
	    "Asked about automated cranes, De Vries said: \"Phased, yes. Never "
	    "without a guarantee.\"\n");
	CHECK_SPEAKER("Phased, yes", "Henk de Vries");
	{
		const struct quote *q = find("unrealistic");
		CHECK(q && q->speaker && strcmp(q->speaker, "Deltaport Employers") == 0 &&
		      q->speaker_kind == SPEAKER_ORGANIZATION);
	}
	run("\"The numbers are soft,\" said Rick Alvarez of the University of "
	    "Texas.\n\n"
	    "\"We should debate it,\" said Sen. Tom Carper of Delaware.\n");
	{
		const struct quote *q = find("The numbers");
		CHECK(q && q->organization && strcmp(q->organization, "University of Texas") == 0);
		q = find("We should debate");
		CHECK(q && q->speaker && strcmp(q->speaker, "Tom Carper") == 0 && !q->organization);
	}
	run("\"People stood for hours,\" said Mira Gant of Human Rights Watch, who "
	    "observed the vote.\n");
	{
		const struct quote *q = find("People stood");
		CHECK(q && q->organization && strcmp(q->organization, "Human Rights Watch") == 0);
	}
}

/* "One victim, 88-year-old Edna Morgan, said": an age before the name of
 * a nominal's appositive; "Detective Sergeant" is one rank. */
static void test_aged_appositive_and_ranks(void)
{
	run("A former bank clerk was jailed for six years on Friday.\n\n"
	    "One victim, 88-year-old Edna Morgan, said in a statement read to "
	    "the court: 'I trusted him with everything.'\n\n"
	    "Detective Sergeant Rhys Evans of South Wales Police said after the "
	    "hearing: 'Today's sentence sends a clear message.'\n");
	CHECK_SPEAKER("I trusted him", "Edna Morgan");
	CHECK_SPEAKER("Today's sentence", "Rhys Evans");
	{
		const struct quote *q = find("Today's sentence");
		CHECK(q && q->role && strcmp(q->role, "detective sergeant") == 0);
	}
}

/* "Ms Raman joins from Solent Power, where she was ...": a pronoun skips
 * a name of no known gender that is not a subject (a company, a town) for
 * a person it fits; but the subject of the sentence, whatever its gender,
 * still stands ("Growing up in El Paso, Mendoza ..."). */
static void test_pronoun_skips_genderless_object(void)
{
	run("Northgate Energy today named Priya Raman as chief executive.\n\n"
	    "Ms Raman joins from Solent Power, where she was chief operating "
	    "officer. \"Northgate has a remarkable team,\" she said.\n\n"
	    "Angel Mendoza came from Texas to the rally.\n\n"
	    "Growing up in El Paso, Mendoza saw families split at the border.\n\n"
	    "\"The detention centres are a disgrace,\" he said.\n");
	CHECK_SPEAKER("Northgate has", "Priya Raman");
	{
		/* "named Priya Raman as chief executive" gives her role */
		const struct quote *q = find("Northgate has");
		CHECK(q && q->role && strcmp(q->role, "chief executive officer") == 0);
	}
	CHECK_SPEAKER("The detention centres", "Angel Mendoza");
	/* "a pastor at the Reformation Church of Elizabeth, Colorado,": the
	 * state is no name; a title after "show," is nobody's speech */
	run("Pastor Ken Swanson has set his sights on the scouts.\n\n"
	    "Swanson, who is a pastor at the Reformation Church of Elizabeth, "
	    "Colorado, attacked the scouts on his weekly radio show, \"Hours "
	    "with Ken Swanson,\" Right Wing Watch reported.\n\n"
	    "He then said leaders should have \"a millstone\" around their "
	    "necks.\n");
	CHECK_SPEAKER("a millstone", "Ken Swanson");
	{
		const struct quote *q = find("Hours with");
		CHECK(q == NULL || q->speaker == NULL);
	}
}

/* A quotation alone in its paragraph whose speaker the next paragraph
 * names ("That was Tom Lisle, ..., speaking after the vote."), even right
 * after another speaker's paragraph. */
static void test_that_was_speaker(void)
{
	run("McBride said the tower would shade the school \"for most of the "
	    "winter afternoon,\" citing the developer's own study.\n\n"
	    "\"We looked at that carefully. The school is not affected.\"\n\n"
	    "That was Tom Lisle, the developer's planning director, speaking "
	    "after the vote.\n");
	CHECK_SPEAKER("We looked at that", "Tom Lisle");
	CHECK_SPEAKER("for most of the winter", "McBride");
}

#define CHECK_ROLE_IS(prefix, want)                                              \
	do {                                                                     \
		const struct quote *q_ = find(prefix);                           \
		CHECK(q_ && q_->role && strcmp(q_->role, want) == 0);            \
	} while (0)

/* Roles in the forms British and wire copy use: "Labour MP X", an
 * occupation after a relation ("Her neighbour, X, a retired firefighter,"),
 * a nominal whose appositive brings its own description ("The jury
 * president, the Danish actor X,"), a plural possessive inside a body's
 * name ("the Harbour Traders’ Association") or before a role ("the
 * nurses' union leader X"). */
static void test_roles_in_many_forms(void)
{
	run("'We were never told,' said Labour MP Grace Oyelaran.\n\n"
	    "Her neighbour, Walt Brenner, a retired firefighter, stayed to "
	    "soak the roof. 'I was not leaving,' Brenner said.\n\n"
	    "The jury president, the Danish actor Mette Kjaer, said the vote "
	    "was 'unanimous'.\n\n"
	    "The chairman of the Harbour Traders\xe2\x80\x99 Association, Omar "
	    "Sidi, called the fees 'daylight robbery'.\n\n"
	    "'It is over,' said the nurses' union leader Ann Kovac.\n\n"
	    "'The decline is real,' said Leon Fabre, an entomologist at the "
	    "Institute of Soil Studies.\n");
	CHECK_SPEAKER("We were never told", "Grace Oyelaran");
	CHECK_ROLE_IS("We were never told", "member of parliament");
	CHECK_ROLE_IS("I was not leaving", "firefighter");
	CHECK_SPEAKER("unanimous", "Mette Kjaer");
	CHECK_ROLE_IS("unanimous", "president");
	CHECK_SPEAKER("daylight robbery", "Omar Sidi");
	CHECK_ROLE_IS("daylight robbery", "chair");
	CHECK_SPEAKER("It is over", "Ann Kovac");
	CHECK_ROLE_IS("It is over", "union leader");
	CHECK_ROLE_IS("The decline is real", "entomologist");
}

/* "The Prime Minister's spokesman": a role owned by a role is the
 * spokesman's, not the prime minister's; "one Conservative backbencher"
 * is a description of someone, not the party. */
static void test_role_owned_by_role(void)
{
	run("The Prime Minister's spokesman declined to comment but said the "
	    "prime minister had \"full confidence\" in both ministers.\n\n"
	    "One Conservative backbencher, who asked not to be named, was "
	    "blunter: \"It's a shambles.\"\n");
	CHECK_ROLE_IS("full confidence", "spokesperson");
	CHECK_ROLE_IS("It's a shambles", "backbencher");
	{
		const struct quote *q = find("It's a shambles");
		CHECK(q && (!q->speaker || strcmp(q->speaker, "Conservative") != 0));
	}
}

/* Two men alternating: "he" goes on with the subject of the sentence
 * before when that is "he" too, not with a man named inside it; a
 * quotation with no cue that opens a sentence right after one about a
 * person ("Devlin laughed.") is that person's. */
static void test_pronoun_chain_and_sentence_before(void)
{
	run("Mark Devlin and Steve Orr have not spoken since the 2019 final.\n\n"
	    "Devlin insists he has moved on. \"It's one game,\" he said.\n\n"
	    "Orr is less sure. He says Devlin \"still blames the referee\" and "
	    "never congratulated him. \"I'd shake his hand tomorrow,\" he "
	    "said.\n\n"
	    "Asked about that, Devlin laughed. \"Steve can say what he likes.\"\n\n"
	    "Trump's comments had angered the board. \"The claim is absurd "
	    "and untrue,\" its chairman wrote.\n");
	CHECK_SPEAKER("It's one game", "Mark Devlin");
	CHECK_SPEAKER("still blames", "Steve Orr");
	CHECK_SPEAKER("I'd shake his hand", "Steve Orr");
	CHECK_SPEAKER("Steve can say", "Mark Devlin");
	{
		const struct quote *q = find("The claim is absurd");
		CHECK(q && (!q->speaker || strcmp(q->speaker, "Trump") != 0));
	}
}

/* "A federal judge on Friday blocked ..., ruling that it placed an "undue
 * burden" ..." opening a story is the judge named next ("U.S. District
 * Judge Karen Whitlow"); "a senior official" in a lede stays unnamed. */
static void test_lede_indefinite_named_later(void)
{
	run("A federal judge on Friday blocked a state voting law, ruling that "
	    "it placed an \"undue burden\" on rural residents.\n\n"
	    "In a 42-page opinion, U.S. District Judge Karen Whitlow wrote that "
	    "the state had offered \"no evidence whatsoever\" of fraud.\n");
	CHECK_SPEAKER("undue burden", "Karen Whitlow");
	run("A senior official said on Monday that talks were \"close to "
	    "collapse\".\n\n"
	    "Senior official Ana Brody told reporters the mood was \"grim\".\n");
	{
		const struct quote *q = find("close to collapse");
		CHECK(q && (!q->speaker || strcmp(q->speaker, "Ana Brody") != 0));
	}
}

/* A colon introduction whose sentence opens with a clause of its own:
 * the subject after the clause introduces the quotation, not the people
 * the clause is about. */
static void test_colon_intro_after_opening_clause(void)
{
	run("With party leaders increasingly worried about turnout, Governor "
	    "Ana Ruiz is rolling out a new message: \"Every vote counts.\"\n\n"
	    "More from Ruiz: \"We knock on every door.\"\n");
	CHECK_SPEAKER("Every vote counts", "Ana Ruiz");
	CHECK_SPEAKER("We knock on", "Ana Ruiz");
}

/* A quotation inside what someone's claim says: "X's conclusion that ...
 * "Q"", "the contention of X that ... "Q"". Not a verdict on someone's
 * words: "Y called X's remarks a "new low"" is Y's. */
static void test_claim_noun(void)
{
	run("Budget row deepens\n\n"
	    "The report buttresses Finance Minister Ana Ruiz's conclusion that "
	    "the deficit was \"entirely avoidable\".\n\n"
	    "The figures also undercut the contention of opposition leader Tom "
	    "Briggs that spending had been \"slashed to the bone\".\n\n"
	    "Party chairman Lee Moss called Ruiz's remarks a \"new low\" on "
	    "Tuesday.\n");
	CHECK_SPEAKER("entirely avoidable", "Ana Ruiz");
	CHECK_SPEAKER("slashed to the bone", "Tom Briggs");
	{
		const struct quote *q = find("new low");
		CHECK(q && (!q->speaker || strcmp(q->speaker, "Ana Ruiz") != 0));
	}
}

/* Quotations coordinated under one cue share it: 'called the organiser a
 * "fascist" and a "Stalinist."' (the second, one capitalised word, is no
 * title). */
static void test_coordinated_quotes(void)
{
	run("Row over protest\n\n"
	    "At the rally, Senator Mia Holt called the organiser a \"fascist\" "
	    "and a \"Stalinist.\"\n");
	CHECK_SPEAKER("fascist", "Mia Holt");
	CHECK_SPEAKER("Stalinist", "Mia Holt");
}

/* Forms news uses around a cue: "X however said", '"...," Will wrote'
 * (the columnist, not the modal), "called "Q" by X" (the agent of a
 * passive), "X questioned", "X condemned the "..."". */
static void test_cue_forms(void)
{
	run("Campaign notes\n\n"
	    "Defence Secretary Ash Carter however said he would welcome a "
	    "\"principled security network\" for Asia.\n\n"
	    "Columnist George Will weighed in. \"The eruption of war is a "
	    "reminder,\" Will wrote.\n\n"
	    "This feature has been called \"strategic ambiguity\" by Joshua "
	    "Hendrick, a professor at Loyola University.\n\n"
	    "\"What was the pivot point?\" Beck questioned.\n\n"
	    "In an address on Friday, President Louis Marchand condemned the "
	    "\"attack whose nature cannot be denied.\"\n");
	CHECK_SPEAKER("principled security", "Ash Carter");
	CHECK_SPEAKER("The eruption of war", "George Will");
	CHECK_SPEAKER("strategic ambiguity", "Joshua Hendrick");
	CHECK_SPEAKER("What was the pivot", "Beck");
	CHECK_SPEAKER("attack whose nature", "Louis Marchand");
	/* "are asked" is passive like "was asked": they are not asking */
	run("Residents are asked, \"Would you use a new bridge?\" in the survey "
	    "the council sent out.\n");
	{
		const struct quote *q = find("Would you use");
		CHECK(q && (!q->speaker || strcmp(q->speaker, "Residents") != 0));
	}
}

/* Given names in -ly at a sentence's start are names ("Carly Fiorina"),
 * a participle's speaker is its main clause's subject, an appositive's
 * search for its opening comma stays in the sentence, and "X said he
 * would ..." after a quotation that ended its sentence reports something
 * else; "X (D-Mo.), who has endorsed Clinton, said" is X. */
static void test_sentence_bounds_and_names(void)
{
	run("Campaign notes\n\n"
	    "Carly Fiorina backed Ted Cruz on Wednesday, saying it is time to have "
	    "a \"real conservative in the White House.\"\n\n"
	    "Aides say her work in towns such as Buffalo, upstate, will help. Her "
	    "chief policy aide, Jake Sullivan, calls her record a \"blueprint\" "
	    "for jobs.\n\n"
	    "\"It's a very sad development,\" Cruz told reporters. \"This is the "
	    "consequence of the culture of the campaign.\" Ohio Gov. John Kasich "
	    "said he would have fired the manager.\n");
	CHECK_SPEAKER("real conservative", "Carly Fiorina");
	CHECK_SPEAKER("blueprint", "Jake Sullivan");
	CHECK_SPEAKER("This is the consequence", "Ted Cruz");
	/* a relative clause between the subject and the cue */
	run("Speaking later on the same show, Sen. Claire McCaskill (D-Mo.), who "
	    "has endorsed Clinton, said Sanders has pushed her to be a "
	    "\"stronger\" candidate.\n");
	CHECK_SPEAKER("stronger", "Claire McCaskill");
	/* "states" the noun is no cue; "state in" the verb is */
	run("China's influence has provoked mixed feelings in many Asian states, "
	    "and it has used \"velvet gloves\" with its neighbours, said Nargis "
	    "Kassenova, an international relations expert.\n\n"
	    "\"We share the same enemies,\" the Saudis state in the white "
	    "paper.\n");
	CHECK_SPEAKER("velvet gloves", "Nargis Kassenova");
	CHECK_SPEAKER("We share the same", "the Saudis");
	/* a surname that is a function word ('"...," From said'); a year in
	 * a description ("said a 2008 Clinton veteran"); "X said Wednesday
	 * she ..." after a quotation that ended its sentence is X's own
	 * report, not the quotation's attribution */
	run("Many Americans then saw the Democrats as \"the party of big "
	    "government,\" From said.\n\n"
	    "\"She didn't like that,\" said a 2008 Clinton veteran.\n\n"
	    "Attorney General Lisa Madigan asserted that \"trust in the police is "
	    "broken.\" Candidate Hillary Clinton said Wednesday she, too, wanted "
	    "an inquiry.\n");
	CHECK_SPEAKER("the party of big", "From");
	{
		const struct quote *q = find("She didn't like");
		CHECK(q && q->role && strcmp(q->role, "veteran") == 0);
	}
	CHECK_SPEAKER("trust in the police", "Lisa Madigan");
}

/* Roles stated before a name with what they are for ("A spokeswoman for
 * the bureau, Karen Delgado,"), titles of address giving way to an
 * appositive role ("Professor X, a historian of ..."), a place-made
 * adjective before the role ("a Bristol-based artist"), and "the manager"
 * of a story whose one speaker so far was named without a role; none of
 * it across a verb ("the Florida senator suspended his campaign, Cruz
 * said") or in an exchange between two people. */
static void test_roles_before_names_and_titles(void)
{
	run("Notes\n\n"
	    "The FBI is assisting. A spokeswoman for the bureau, Karen Delgado, said "
	    "it does not comment. \"We take this seriously,\" she said.\n\n"
	    "Professor Martin Okeke, a historian of West Africa, said the masks "
	    "were taken. \"They were looted,\" he said.\n\n"
	    "Grace Etoh, a Bristol-based artist whose family comes from the "
	    "region, was blunt. \"They are ours,\" she said.\n");
	CHECK_ROLE_IS("We take this seriously", "spokesperson");
	CHECK_ROLE_IS("They were looted", "historian");
	CHECK_ROLE_IS("They are ours", "artist");
	run("Rovers slump goes on\n\n"
	    "Stuart Kerrigan has dismissed talk of the sack. \"I am not going "
	    "anywhere,\" he said.\n\n"
	    "\"We need a win,\" the manager said after the game.\n");
	CHECK_SPEAKER("We need a win", "Stuart Kerrigan");
	CHECK_ROLE_IS("I am not going", "manager");
	run("Court notes\n\n"
	    "\"My client is innocent,\" said Ben Moreno, the defence lawyer.\n\n"
	    "\"That is for the jury,\" the judge said.\n\n"
	    "After the Florida senator suspended his campaign, Cruz said Rubio "
	    "would be \"a champion\" for years.\n");
	{
		const struct quote *q = find("That is for the jury");
		CHECK(q && (!q->speaker || strcmp(q->speaker, "Ben Moreno") != 0));
		q = find("a champion");
		CHECK(q && q->speaker && strcmp(q->speaker, "Cruz") == 0 && !q->role);
	}
	/* "the opposition MP", "chief UK economist", and a role given by
	 * "was" to the person the sentence opens with */
	run("Notes\n\n"
	    "Trouble began when Lim Wei Jie, the opposition MP for Bukit Serai, "
	    "spoke. \"We will not be silenced,\" he said.\n\n"
	    "Hannah Oduya, chief UK economist at Marlowe Bank, was blunt. \"This "
	    "was a dovish hold,\" she said.\n\n"
	    "Nell Garside, who has died aged 88, was a founder member of the "
	    "Langmere rescue team. \"We went out in all weathers,\" she once "
	    "said.\n");
	CHECK_SPEAKER("We will not be silenced", "Lim Wei Jie");
	CHECK_ROLE_IS("We will not be silenced", "member of parliament");
	{
		const struct quote *q = find("This was a dovish");
		CHECK(q && q->role_stated && strcmp(q->role_stated, "chief UK economist") == 0 &&
		      q->country && strcmp(q->country, "United Kingdom") == 0);
	}
	CHECK_ROLE_IS("We went out", "founder member");
	/* a second reference by role right after a sentence about the
	 * person ("Kerrigan was asked ... The manager said ..."); not with a
	 * role anyone may hold ("Trump ... The protester ...") */
	run("Rovers slump goes on\n\n"
	    "Chairman Peter Hanlon said the club was \"building for the long "
	    "term\".\n\n"
	    "Stuart Kerrigan was asked about his captain. The manager said the "
	    "decision had been tactical.\n\n"
	    "\"Kwame gives us something different,\" Kerrigan said.\n\n"
	    "Donald Trump spoke for an hour. The protester said he had been "
	    "pushed. \"I will be back,\" Trump said later.\n");
	CHECK_ROLE_IS("Kwame gives us", "manager");
	{
		const struct quote *q = find("I will be back");
		CHECK(q && q->speaker && strcmp(q->speaker, "Donald Trump") == 0 && !q->role);
	}
}

/* A role word after an honorific is a surname ("Mr. King", "Ms. Bishop"),
 * unless one addresses the holder so ("Mr. President"); so is a bare one
 * before an appositive ("Dean, a former party chairman, ..."). */
static void test_honorific_role_word_surname(void)
{
	run("Civil rights leader Lena King spoke first. \"It's all about "
	    "enthusiasm,\" Ms. King added.\n\n"
	    "\"We will be back,\" Mr. Bishop said.\n\n"
	    "\"Thank you, Mr. President,\" said Tom Ruiz.\n");
	CHECK_SPEAKER("It's all about", "Lena King");
	CHECK_SPEAKER("We will be back", "Bishop");
	CHECK_SPEAKER("Thank you", "Tom Ruiz");
	/* a bare role word before an appositive or a cue is a name too */
	run("Party row over debate\n\n"
	    "Dean, a former party chairman, poked fun at the candidate on "
	    "Monday, tweeting, \"Notice the sniffing all the time.\"\n\n"
	    "\"Let's be serious,\" the dean of the law school said.\n");
	CHECK_SPEAKER("Notice the sniffing", "Dean");
	CHECK_ROLE_IS("Notice the sniffing", "party chairman");
	{
		const struct quote *q = find("Let's be serious");
		CHECK(q && (!q->speaker || strcmp(q->speaker, "Dean") != 0));
	}
}

/* "the US diplomat" is the ambassador named before, "the Republican
 * lawmaker" the senator (data/role_classes.txt), and the quote carries the
 * person's own, more precise role; "the representative" is not a
 * senator. */
static void test_nominal_role_class(void)
{
	run("US Ambassador to Russia Mark Ellery said ties could recover.\n\n"
	    "\"It would be a big mistake to close the embassies,\" the US "
	    "diplomat said.\n\n"
	    "Senator Joan Price voted against the bill. \"This is a giveaway,\" "
	    "the Republican lawmaker said.\n\n"
	    "\"We will try again,\" the representative said.\n");
	CHECK_SPEAKER("It would be a big", "Mark Ellery");
	CHECK_ROLE_IS("It would be a big", "ambassador");
	CHECK_SPEAKER("This is a giveaway", "Joan Price");
	CHECK_ROLE_IS("This is a giveaway", "senator");
	{
		const struct quote *q = find("We will try again");
		CHECK(q && (!q->speaker || strcmp(q->speaker, "Joan Price") != 0));
	}
	/* a press release signed by its body's chief, named further down;
	 * not another body's chief */
	run("Press releases\n\n"
	    "4 June 2018: \"Children are suffering in silence\" – UNICEF Chief\n\n"
	    "NEW YORK – WHO Director-General Tom Ekwueme opened today's briefing "
	    "with UNICEF Executive Director Jane Okoro.\n");
	CHECK_SPEAKER("Children are suffering", "Jane Okoro");
	/* "said master of ceremonies X"; a participle's object between a
	 * subject and its cue; a plural role is no appositive of a person */
	run("Notes\n\n"
	    "\"Thanks, Clarkston, for welcoming these refugees,\" said master of "
	    "ceremonies Asab Haddad, a Syrian engineer.\n\n"
	    "Another intelligence source speaking to Fox News said, \"The agents "
	    "are investigating the donations.\"\n\n"
	    "As Trump attacked Clinton, the attendees chanted, \"Lock her up!\"\n");
	CHECK_SPEAKER("Thanks, Clarkston", "Asab Haddad");
	CHECK_ROLE_IS("Thanks, Clarkston", "master of ceremonies");
	CHECK_ROLE_IS("The agents are", "source");
	{
		const struct quote *q = find("Lock her up");
		CHECK(q && q->speaker && strcmp(q->speaker, "Clinton") != 0);
	}
}

/* "LONDON — A former Cabinet minister has attacked ..." then "Sir Robert
 * Feld, who served as ..." in the next paragraph: the dateline does not
 * hide the lede's subject, its partial quotation is Feld's, and he takes
 * the role the lede gave (he has none of his own). Someone the lede names
 * itself ("A leading economist criticised Tom Harker's budget") is not the
 * description, nor is "A woman" a role. */
static void test_lede_role_for_person_named_next(void)
{
	run("Ex-minister attacks housing plan\n\n"
	    "LONDON — A former Cabinet minister has attacked the government's "
	    "housing plan as \"a promise built on sand\", in a speech that drew "
	    "applause.\n\n"
	    "Sir Robert Feld, who served for three years at the department, said "
	    "the targets could not be met. \"Nobody who has run it believes these "
	    "numbers,\" he said.\n");
	CHECK_SPEAKER("a promise built", "Robert Feld");
	CHECK_ROLE_IS("a promise built", "former cabinet minister");
	CHECK_ROLE_IS("Nobody who has run", "former cabinet minister");
	/* a page's leftovers between headline and lede (a URL, a date
	 * line) do not move the lede; a description that does not open its
	 * sentence ("Over a career as a lobbyist, ...") is no lede subject */
	run("Ex-minister attacks housing plan\n"
	    "https://example.invalid/news/housing-8812\n"
	    "Updated 28 Nov 2026\n\n"
	    "LONDON — A former Cabinet minister has attacked the government's "
	    "housing plan as \"a promise built on sand\", in a speech that drew "
	    "applause from the benches.\n\n"
	    "Sir Robert Feld, who served for three years at the department, said "
	    "the targets could not be met.\n");
	CHECK_ROLE_IS("a promise built", "former cabinet minister");
	run("Consultant in demand\n\n"
	    "Over a 40-year career as a lobbyist and consultant, Paul Manafort "
	    "has advised leaders on three continents and many campaigns.\n\n"
	    "Now he works for Donald Trump, who said he was \"consolidating the "
	    "functions\" of his campaign.\n");
	{
		const struct quote *q = find("consolidating the");
		CHECK(q && q->speaker && strcmp(q->speaker, "Donald Trump") == 0 &&
		      (!q->role || strcmp(q->role, "lobbyist") != 0));
	}
	run("A leading economist has criticised Tom Harker's budget as "
	    "\"reckless\".\n\n"
	    "Harker said on Tuesday: \"The numbers add up.\"\n");
	{
		const struct quote *q = find("The numbers add up");
		CHECK(q && q->speaker && strcmp(q->speaker, "Tom Harker") == 0 && !q->role);
	}
	run("NEW YORK — A woman who was stranded for a week has been found.\n\n"
	    "Dana Kovac told rescuers: \"I never stopped hoping.\"\n");
	{
		const struct quote *q = find("I never stopped");
		CHECK(q && q->speaker && strcmp(q->speaker, "Dana Kovac") == 0 && !q->role);
	}
}

/* "According to her, ..." names her; "the agency's representative, Dr X,"
 * is X with the role; "a community health volunteer" is a role. */
static void test_according_to_pronoun_and_honorific_appositive(void)
{
	run("Health Secretary Susan Wekesa visited the hospital. According to "
	    "her, the outbreak was \"contained for now.\"\n\n"
	    "\"People are scared,\" said Hassan Mwinyi, a community health "
	    "volunteer.\n\n"
	    "The agency's representative, Dr Abdou Diallo, said supplies were "
	    "coming. \"Speed is everything,\" he said.\n");
	CHECK_SPEAKER("contained for now", "Susan Wekesa");
	CHECK_ROLE_IS("People are scared", "volunteer");
	CHECK_SPEAKER("Speed is everything", "Abdou Diallo");
	CHECK_ROLE_IS("Speed is everything", "representative");
}

/* "Price was told by the city attorney, Rob Kane, that ...": the one told
 * is no speaker; "council member Dan Ortiz" has a role. */
static void test_told_passive(void)
{
	run("\"You are not listening,\" Mayor Ellen Price told council member "
	    "Dan Ortiz.\n\n"
	    "Price was told by the city attorney, Rob Kane, that the vote "
	    "\"would not survive a legal challenge.\"\n");
	CHECK_SPEAKER("You are not listening", "Ellen Price");
	CHECK_SPEAKER("would not survive", "Rob Kane");
	run("Dan Ortiz spoke next. \"I have been listening,\" said council "
	    "member Dan Ortiz.\n");
	CHECK_ROLE_IS("I have been listening", "council member");
}

/* "the chancellor" is not the shadow chancellor named before (nor "the
 * president" a vice president); "director general of X" is one role. */
static void test_shadow_and_vice_roles(void)
{
	run("Shadow chancellor Priya Nair responded: \"This is a budget for the "
	    "few.\"\n\n"
	    "\"We will get the economy growing,\" the chancellor told the "
	    "Commons.\n\n"
	    "Vice President Ana Cole praised the plan. \"It is bold,\" the "
	    "president said.\n\n"
	    "\"Too little, too late,\" said Shevaun Hart, director general of the "
	    "Chamber of Trade.\n");
	CHECK_SPEAKER("This is a budget", "Priya Nair");
	CHECK_SPEAKER("We will get the economy", NULL);
	CHECK_SPEAKER("It is bold", NULL);
	CHECK_ROLE_IS("Too little", "director-general");
}

/* "said the study's lead author, Dr Lena Hoffmann": the author speaks, not
 * the study; "Liza Mercado, a fisherman's wife," is still Liza Mercado. */
static void test_owned_inverted_source(void)
{
	run("\"The association was modest,\" said the study's lead author, Dr "
	    "Lena Hoffmann of the University of Freiburg.\n\n"
	    "\"The water came up to the roof,\" said Liza Mercado, a fisherman's "
	    "wife who sheltered in a church.\n\n"
	    "Liza Mercado, a fisherman's wife, said the water came \"in less than "
	    "an hour.\"\n\n"
	    "\"Studies like this cannot prove cause,\" said Peter Vance, an "
	    "audiologist.\n");
	CHECK_SPEAKER("The association was modest", "Lena Hoffmann");
	CHECK_SPEAKER("The water came up", "Liza Mercado");
	CHECK_SPEAKER("in less than an hour", "Liza Mercado");
	CHECK_ROLE_IS("Studies like this", "audiologist");
}

/* More role forms: a nominal's named appositive that ends the sentence
 * ("said the union's general secretary, Helen Achter."), a two-word owner
 * ("the fire department's assistant chief"), occupations (guitarist,
 * agent), and "Van der Berg" again after "Joost van der Berg". */
static void test_roles_owners_and_particles(void)
{
	run("'Teaching assistants matter,' said the union's general secretary, "
	    "Helen Achter.\n\n"
	    "Earl Lind, 78, the fire department's assistant chief, drives to the "
	    "hall. \"We have never missed a call,\" Lind said.\n\n"
	    "\"We cannot rebuild the stand,\" Harwick sporting director Joost van "
	    "der Berg said.\n\n"
	    "Van der Berg said the club would \"keep spending\" in the window.\n\n"
	    "\"We were broke,\" said Mel Ashby, the band's guitarist.\n");
	CHECK_SPEAKER("Teaching assistants", "Helen Achter");
	CHECK_ROLE_IS("Teaching assistants", "general secretary");
	CHECK_ROLE_IS("We have never missed", "chief");
	CHECK_SPEAKER("keep spending", "Joost van der Berg");
	CHECK_ROLE_IS("We were broke", "guitarist");
}

/* British single quotes around a double-quoted quotation that ends with
 * it: ‘... told me, “...,”’ she said.  The single mark closes the outer
 * quotation; it is no apostrophe. */
static void test_single_closing_after_double(void)
{
	run("Its chief executive, Ama Owusu, said families were waiting. "
	    "\xe2\x80\x98I met a father who told me, \xe2\x80\x9cMy daughter "
	    "has no room of her own,\xe2\x80\x9d\xe2\x80\x99 she said. "
	    "\xe2\x80\x98She is ten.\xe2\x80\x99\n");
	CHECK_SPEAKER("I met a father", "Ama Owusu");
	CHECK_SPEAKER("She is ten", "Ama Owusu");
	CHECK(ql.n == 2);
}

/* An opening clause led by "amid", "despite", "following" ... may be as
 * long as one led by a preposition: the subject comes after it. */
static void test_long_subordinate_opening(void)
{
	run("Amid calls from members to publish the names, Tom Briggs defended "
	    "the list, saying it was needed to \"remember who stood where.\"\n\n"
	    "Despite two years of delays on the northern section of the line, "
	    "Transport Minister Ada Lind insisted the railway would be \"on time "
	    "and on budget.\"\n");
	CHECK_SPEAKER("remember who stood", "Tom Briggs");
	CHECK_SPEAKER("on time and on budget", "Ada Lind");
}

/* "Lisbon (Wire) – X ...": a wire dateline in mixed case is no part of
 * the sentence's subject; a title after "podcast" or opening a sentence
 * with "In" is nobody's speech. */
static void test_mixed_case_dateline_and_titles(void)
{
	run("Lisbon (Wire) – Socialist leader Ana Prado has criticised the "
	    "finance minister's stance on the budget, saying that \"reckless "
	    "promises\" do more harm than good.\n\n"
	    "In an interview on his podcast \"The Long Table\" on Thursday, "
	    "union leader Amara Osei said her members were going into "
	    "\"overdrive\" against the plan.\n");
	CHECK_SPEAKER("reckless promises", "Ana Prado");
	CHECK_SPEAKER("overdrive", "Amara Osei");
	{
		const struct quote *q = find("The Long Table");
		CHECK(q == NULL || q->speaker == NULL);
	}
	/* "In 'Title', X writes that ...": the title is not X's words */
	run("In ‘The Quiet Years’, Dame Sarah Lowe writes that decisions were "
	    "taken ‘on the sofa’ rather than in Cabinet.\n");
	CHECK_SPEAKER("on the sofa", "Sarah Lowe");
	{
		const struct quote *q = find("The Quiet Years");
		CHECK(q == NULL || q->speaker == NULL);
	}
}

/* Marks inside markup left in the text delimit attribute values; they
 * are no quotations, and the quotation inside the element still is one. */
static void test_markup_attributes(void)
{
	run("The port strike entered its third day.\n\n"
	    "<post id=\"88120\" author=\"@harbourwatch\" date=\"2024-03-02\">"
	    "\"No ships have moved since Monday,\" said Ada Brenn, a union steward."
	    "</post>\n\n"
	    "<post pic=\"\" author=\"dockside\" date=\"2024-03-02\">Queues at the "
	    "gate</post>\n\n"
	    "<note source=\"wire\" date=\"March 2,\n"
	    "2024\">The ministry declined to comment.</note>\n");
	CHECK(ql.n == 1);
	CHECK_SPEAKER("No ships have moved", "Ada Brenn");
	CHECK(find("88120") == NULL);
	CHECK(find("@harbourwatch") == NULL);
	CHECK(find("author=") == NULL);
	CHECK(find("2024") == NULL);
	CHECK(find(">The ministry") == NULL);
}

/* A "she" in a later clause of a sentence stands for the sentence's
 * subject, not for a nearer object whose gender is unknown. */
static void test_pronoun_prefers_subject(void)
{
	run("The county race ended on Tuesday night.\n\n"
	    "Commissioner Margaret Olsen said on Wednesday that she had called "
	    "Daniel Ruiz to congratulate him on what she called \"a remarkable "
	    "comeback.\"\n\n"
	    "Ruiz, for his part, called Olsen \"a tough opponent.\"\n");
	CHECK_SPEAKER("a remarkable comeback", "Margaret Olsen");
	CHECK_SPEAKER("a tough opponent", "Daniel Ruiz");
}

/* "The UN children's agency X": the source is the name after the
 * description, not the parent body before it, also when a participle
 * ("..., saying:") takes the sentence's subject. */
static void test_description_then_name(void)
{
	run("Shelling resumed in the valley on Friday.\n\n"
	    "The UN children's agency Kidsaid condemned the shelling, saying: "
	    "\"Schools were hit again today.\"\n\n"
	    "The EU transport agency Railnet warned of delays, saying "
	    "\"the line will stay closed.\"\n");
	CHECK_SPEAKER("Schools were hit", "Kidsaid");
	CHECK_SPEAKER("the line will stay", "Railnet");
}

/* A colon introduction names the clause's subject, not a place or a
 * programme governed by a preposition, nor the owner in a possessive. */
static void test_colon_subject_not_place(void)
{
	run("Ferry fares rose again this spring.\n\n"
	    "At a briefing in Lisbon on Tuesday, the transport minister's first three "
	    "callers sounded doubtful: \"Will the fares stay this high?\"\n\n"
	    "Later that week on Radio Nova: \"Nobody promised a cut.\"\n\n"
	    "At a rally in Braga, Portugal, on Saturday, port official Rui Tavares "
	    "was blunt: \"The routes will survive.\"\n");
	const char *unnamed[] = {"Will the fares", "Nobody promised"};
	for (size_t i = 0; i < 2; i++) {
		const struct quote *q = find(unnamed[i]);
		CHECK(q != NULL);
		CHECK(q == NULL || q->speaker == NULL ||
		      (strcmp(q->speaker, "Lisbon") != 0 && strcmp(q->speaker, "Radio Nova") != 0));
	}
	CHECK_SPEAKER("The routes will", "Rui Tavares");
}

/* "S said: "..."" introduces the next quotation; a partial quotation
 * earlier in the sentence belongs to its own clause. A question put to
 * someone ("X was asked, ...") is not X's. A name signed after a dash at
 * the end of a paragraph with its own cue is a byline. */
static void test_cue_direction(void)
{
	run("The port authority met on Monday.\n\n"
	    "After Moreno said that smaller ports \"could lose their routes,\" "
	    "Alvarez said: \"I disagree with every word of that.\"\n\n"
	    "In a long interview, Alvarez was asked, \"What is the hardest part of "
	    "the job?\"\n\n"
	    "Alvarez said Monday that he would \"seek a stable majority\" and insisted "
	    "his party was \"still the largest.\"--Maria Stone.\n");
	CHECK_SPEAKER("could lose their", "Moreno");
	CHECK_SPEAKER("I disagree", "Alvarez");
	{
		const struct quote *q = find("What is the hardest");
		CHECK(q != NULL);
		CHECK(q == NULL || q->speaker == NULL || strcmp(q->speaker, "Alvarez") != 0);
	}
	CHECK_SPEAKER("still the largest", "Alvarez");
}

/* Military grades: "1st Lt.", "2nd Lt.", "Sgt. 1st Class". */
static void test_rank_grades(void)
{
	run("Floodwater reached the base on Sunday.\n\n"
	    "\"Crews worked through the night,\" said Coast Guard 1st Lt. Dana Whitfield.\n\n"
	    "\"The levee held,\" said Army 2nd Lt. Sam Ortiz.\n\n"
	    "\"We moved the trucks first,\" said Sgt. 1st Class Ana Pena.\n");
	CHECK_SPEAKER("Crews worked", "Dana Whitfield");
	CHECK_SPEAKER("The levee held", "Sam Ortiz");
	CHECK_SPEAKER("We moved the trucks", "Ana Pena");
}

/* A paragraph that ends "X issued the following statement:" introduces the
 * quotation opening the next; a transcript's labelled lines do not take
 * that subject. */
static void test_colon_paragraph(void)
{
	run("A tram derailed in the old town on Sunday.\n\n"
	    "In response, party nominee Ana Ruiz issued the following statement:\n\n"
	    "\"Our thoughts are with everyone hurt in the crash.\"\n\n"
	    "Partial transcript as follows:\n\n"
	    "\"HOST: Will the line reopen this week?\"\n");
	CHECK_SPEAKER("Our thoughts are", "Ana Ruiz");
	{
		const struct quote *q = find("HOST: Will");
		CHECK(q != NULL);
		CHECK(q == NULL || q->speaker == NULL || strcmp(q->speaker, "Partial") != 0);
	}
}

/* "was asked by X whether ..." makes X the speaker of the question; a cue
 * after a comma takes the source that follows it; a describing noun the
 * lexicon lacks may stand between "said" and a full name; speech yet to
 * come ("will say") is the reporter's. */
static void test_asker_and_inverted(void)
{
	run("The budget debate ran late.\n\n"
	    "Ortega was asked by radio moderator Lena Dahl whether the plan would "
	    "risk \"another costly programme for the city.\"\n\n"
	    "\"He can argue it, but it looks very unlikely\" that Ortega can win, said "
	    "Tom Reyes, deputy manager of Ana Ruiz's 2019 campaign.\n\n"
	    "\"I will not take it back,\" said retired surgeon-turned-councillor "
	    "Mara Holt.\n\n"
	    "Mayor Jon Pike said he expected that voters will say \"no\" to the plan.\n");
	CHECK_SPEAKER("another costly", "Lena Dahl");
	CHECK_SPEAKER("He can argue", "Tom Reyes");
	CHECK_SPEAKER("I will not take", "Mara Holt");
	CHECK_SPEAKER("no", "Jon Pike");
}

/* "by warning", "before claiming": an adverbial participle's speaker is
 * the main clause's subject, not a name inside a long opening clause; a
 * verb ending in -ed is no premodifier ("rallied supporters"). */
static void test_adverbial_participle(void)
{
	run("Polls closed at ten.\n\n"
	    "Benjamin Adler rallied supporters by warning darkly that \"the old guard is "
	    "back.\"\n\n"
	    "Adler rallied supporters, warning that \"nothing is settled.\"\n\n"
	    "After the Supreme Court failed to reach a majority decision on the port levy "
	    "for the third year in a row, Adler said the deadlock had \"kept us safe\" "
	    "before claiming that tariffs are \"tearing families apart.\"\n");
	CHECK_SPEAKER("the old guard", "Benjamin Adler");
	CHECK_SPEAKER("nothing is settled", "Benjamin Adler");
	CHECK_SPEAKER("tearing families", "Benjamin Adler");
}

/* "Ruiz's campaign called ..." is the campaign speaking, not Ruiz; an
 * appositive ending in a possessive does not make its head an owner. */
static void test_possessive_body(void)
{
	run("The count went on past midnight.\n\n"
	    "Ruiz's campaign called the decision \"a farce.\"\n\n"
	    "Shortly after the call ended, Ortega's campaign sent out a release saying "
	    "Ruiz owes \"the city an explanation for the vote.\"\n\n"
	    "Gazette columnist Mara Holt, a speechwriter in Tom Reyes's city hall, calls "
	    "Ruiz \"a careful operator\": \"She reads the room before she speaks.\"\n");
	CHECK_SPEAKER("a farce", "Ruiz's campaign");
	run("The count went on.\n\n"
	    "Sanders’ campaign called the report a \"rush to judgment,\" because delegates "
	    "can still change.\n");
	CHECK_SPEAKER("rush to judgment", "Sanders’ campaign");
	run("The count went on.\n\n"
	    "Ruiz's campaign called the decision \"a farce.\"\n\n"
	    "Shortly after the call ended, Ortega's campaign sent out a release saying "
	    "Ruiz owes \"the city an explanation for the vote.\"\n\n"
	    "Gazette columnist Mara Holt, a speechwriter in Tom Reyes's city hall, calls "
	    "Ruiz \"a careful operator\": \"She reads the room before she speaks.\"\n");
	CHECK_SPEAKER("the city an explanation", "Ortega's campaign");
	CHECK_SPEAKER("She reads the room", "Mara Holt");
	run("The count went on.\n\n"
	    "Councillor Ana Ruiz's office, for example, said she would \"back the "
	    "nominee\" but \"will not endorse anyone this year.\"\n");
	CHECK_SPEAKER("back the nominee", "Ana Ruiz's office");
	CHECK_SPEAKER("will not endorse", "Ana Ruiz's office");
}

/* Colon introductions past "In a radio interview", "The timing of X's
 * rise"; the subject of an absolute participle ("with X yelling:"). */
static void test_colon_openings(void)
{
	run("The vote was close.\n\n"
	    "In a Radio Nova interview later that day, Ruiz went even further: "
	    "\"If he loses, it is the end of his career.\"\n\n"
	    "The timing of Ortega's rise does not surprise pollster Lena Dahl: "
	    "\"Newcomers always gain after early wins.\"\n\n"
	    "At a rally in Ames on Saturday, some of his supporters jostled a heckler, "
	    "with Ortega reportedly yelling: \"Get him out of here!\"\n");
	CHECK_SPEAKER("If he loses", "Ruiz");
	CHECK_SPEAKER("Newcomers always", "Lena Dahl");
	CHECK_SPEAKER("Get him out", "Ortega");
}

/* 'Holt said "...," she said': the name before the quotation wins over
 * the pronoun after it, whoever else the paragraph names. */
static void test_name_before_pronoun_after(void)
{
	run("The inquiry into the ferry contract widened.\n\n"
	    "Asked on Tuesday about Tom Reyes, Mara Holt said \"I know nothing about "
	    "Reyes and the letters,\" she said.\n");
	CHECK_SPEAKER("I know nothing", "Mara Holt");
}

/* A name set right before the introducing colon, after a dash or "More
 * from", beats a cue earlier in the line; a quantity opening a sentence
 * ("Multiple outlets") is no name. */
static void test_colon_named(void)
{
	run("Polls closed.\n\n"
	    "Signs of a shift were there all along -More from Ana Ruiz and Tom Reyes: "
	    "\"Our data confirm both trends.\"\n\n"
	    "Pollsters agree - Lena Dahl: \"Keep calling voters as late as possible.\"\n\n"
	    "Multiple outlets reported on Wednesday that the board had \"more than one "
	    "conversation\" with the mayor.\n");
	CHECK_SPEAKER("Our data confirm", "Tom Reyes");
	CHECK_SPEAKER("Keep calling", "Lena Dahl");
	{
		const struct quote *q = find("more than one");
		CHECK(q != NULL);
		CHECK(q == NULL || q->speaker == NULL || strcmp(q->speaker, "Multiple") != 0);
	}
}

/* A source after "while" opens its own clause: it is not replaced by the
 * sentence's subject. An unnamed official after "with" keeps the quote
 * from the sentence's subject. A role word inside an organisation's name
 * ("Farmers Association") does not cut the name. */
static void test_clause_sources(void)
{
	run("The court agreed to hear the case.\n\n"
	    "The Green River Alliance urged the court to \"protect the river first,\" "
	    "while the Farm Bureau said the law was \"a land grab dressed as "
	    "conservation.\"\n\n"
	    "Ministers agreed to wait, with Germany's finance minister warning that "
	    "\"there is no rush to weaken what works.\"\n\n"
	    "\"We think it cannot,\" said Mark Ellis, an attorney for the Riverside "
	    "Farmers Association.\n");
	CHECK_SPEAKER("protect the river", "Green River Alliance");
	CHECK_SPEAKER("a land grab", "Farm Bureau");
	{
		const struct quote *q = find("there is no rush");
		CHECK(q != NULL);
		CHECK(q == NULL || q->speaker == NULL || strcmp(q->speaker, "Ministers") != 0);
		CHECK(q == NULL || (q->country && strcmp(q->country, "Germany") == 0));
	}
	{
		const struct quote *q = find("We think it cannot");
		CHECK(q != NULL);
		CHECK(q == NULL || (q->organization &&
				    strcmp(q->organization, "Riverside Farmers Association") == 0));
	}
}

/* A wire dateline's comma is not the start of an aside ("BEIJING, Jan 9
 * (Wire) - ..., calling it"); "China's foreign ministry" is the ministry,
 * named, and "the ministry" later resolves to it. */
static void test_dateline_and_country_body(void)
{
	run("BEIJING, Jan 9 (Wire) - China's foreign ministry on Thursday rejected a "
	    "report on its navy, calling it \"full of old thinking.\"\n\n"
	    "The ministry added that it was \"firmly opposed\" to the sale.\n");
	CHECK_SPEAKER("full of old thinking", "China's foreign ministry");
	CHECK_SPEAKER("firmly opposed", "China's foreign ministry");
	run("NAIROBI (Wire) - Kenya's central bank cut its main rate on Tuesday, saying "
	    "inflation had \"eased significantly.\"\n");
	CHECK_SPEAKER("eased significantly", "Kenya's central bank");
}

/* "Former Gov. Linda Park", "State Sen. Marcus Webb": a capitalised
 * premodifier before a title is no organisation; "the forum's moderator,
 * radio host Dave Kline," names the moderator. */
static void test_titles_and_nominal_appositives(void)
{
	run("Two rivals traded barbs on Saturday.\n\n"
	    "Former Gov. Linda Park said her opponent \"has never run anything bigger than "
	    "a campaign office.\"\n\n"
	    "\"I'll put my record up against hers,\" said State Sen. Marcus Webb.\n\n"
	    "The forum's moderator, radio host Dave Kline, told reporters that both "
	    "candidates \"kept it mostly civil.\"\n");
	CHECK_SPEAKER("has never run", "Linda Park");
	CHECK_SPEAKER("I'll put my record", "Marcus Webb");
	CHECK_SPEAKER("kept it mostly", "Dave Kline");
	{
		const struct quote *q = find("has never run");
		CHECK(q == NULL || q->organization == NULL);
		q = find("I'll put my record");
		CHECK(q == NULL || q->organization == NULL);
	}
}

/* "The Reyes ad hits ...", "The Q poll also finds ...": a name before a
 * document noun is not the subject; "Ruiz did post on Twitter" still is. */
static void test_document_subjects(void)
{
	run("The campaign turned negative.\n\n"
	    "The Reyes ad hits Ruiz for taking \"more money from developers than from "
	    "voters\" and closes with a slogan.\n\n"
	    "The Q poll also finds that voters call the race \"too close to call.\"\n\n"
	    "Ruiz did post on Twitter that the ad was \"a lie from start to finish.\"\n");
	const char *unnamed[] = {"more money from", "too close to call"};
	for (size_t i = 0; i < 2; i++) {
		const struct quote *q = find(unnamed[i]);
		CHECK(q != NULL);
		CHECK(q == NULL || q->speaker == NULL ||
		      (strcmp(q->speaker, "Reyes") != 0 && strcmp(q->speaker, "Q") != 0));
	}
	CHECK_SPEAKER("a lie from start", "Ruiz");
}

/* A single quoted word in a later sentence with its own subject is that
 * subject's judgement, not the earlier speaker's; two titles joined by
 * "and" before the name still name the speaker. */
static void test_later_sentence_subject(void)
{
	run("The debate turned to money.\n\n"
	    "Ruiz suggested Ortega was a hypocrite because he took \"about $200,000\" from "
	    "developers. Tom Reyes dismissed that as a sign of a campaign in \"disarray.\"\n\n"
	    "\"He is reprising that role,\" said former Ohio Gov. and party Chairman Ed "
	    "Rendell.\n");
	CHECK_SPEAKER("disarray", "Tom Reyes");
	CHECK_SPEAKER("He is reprising", "Ed Rendell");
}

#define CHECK_ROLE(prefix, want)                                     \
	do {                                                         \
		const struct quote *q_ = find(prefix);               \
		CHECK(q_ != NULL);                                   \
		if (q_)                                              \
			CHECK_STR(q_->role, want);                   \
	} while (0)

/* Roles in appositives: nouns the lexicon lacks before the role ("an
 * infectious disease specialist"), a later role word as the head ("chief
 * euro zone economist", "official spokesperson"), a lower-case portfolio
 * after the role ("minister for religious affairs, X,"). */
static void test_appositive_roles(void)
{
	run("The trial results came out on Monday.\n\n"
	    "Dr. Ines Varga, an infectious disease specialist at the Lund Institute, called "
	    "the findings \"genuinely encouraging.\"\n\n"
	    "\"She did everything but announce a cut,\" said Jo Weiss, chief euro zone "
	    "economist at Harbor Bank.\n\n"
	    "\"We have conveyed our displeasure,\" said Ravi Menon, the ministry's official "
	    "spokesperson.\n\n"
	    "The row began when Karvania's minister for religious affairs, Omar Faizal, told "
	    "a rally that minorities lived \"under constant fear.\"\n\n"
	    "\"This is about jobs,\" said Mark Feld, a German member of parliament.\n");
	CHECK_ROLE("genuinely encouraging", "specialist");
	CHECK_ROLE("She did everything", "economist");
	CHECK_ROLE("We have conveyed", "spokesperson");
	CHECK_SPEAKER("under constant fear", "Omar Faizal");
	CHECK_ROLE("under constant fear", "minister");
	CHECK_ROLE("This is about jobs", "member of parliament");
	run("\"They want us to work until we drop,\" said Marta Quiroga, a 61-year-old "
	    "school cleaner who travelled from the port.\n");
	CHECK_ROLE("They want us", "cleaner");
	run("A judge blocked the rule.\n\n"
	    "A spokesperson for the city's Law Department, Nicole Tran, said the city was "
	    "\"reviewing the decision.\"\n");
	CHECK_SPEAKER("reviewing the decision", "Nicole Tran");
	CHECK_ROLE("reviewing the decision", "spokesperson");
}

/* A cue that is its subject's second verb ("... and then tweeted that she
 * was "..."") and more verbs of speaking ("barked"); "Comedian X" is a
 * role and a name, not a name "Comedian X". */
static void test_coordinated_cue(void)
{
	run("The lawsuit went to trial.\n\n"
	    "Ruiz blasted the witness during a rally, calling her a \"horrible, horrible "
	    "witness,\" and then tweeted that she was \"Disgraceful!\"\n\n"
	    "\"Go back to the studio,\" Ruiz barked as a guard escorted the reporter out.\n\n"
	    "Comedian Sara Lind said the show was \"a mess from start to end.\"\n");
	CHECK_SPEAKER("Disgraceful", "Ruiz");
	CHECK_SPEAKER("Go back to the studio", "Ruiz");
	CHECK_SPEAKER("a mess from start", "Sara Lind");
	CHECK_ROLE("a mess from start", "comedian");
	/* a phrase of time between the subject and its cue */
	run("Ana Ruiz at the time said the plan was \"a good one.\"\n\n"
	    "Tom Reyes in a statement said the vote was \"a farce.\"\n");
	CHECK_SPEAKER("a good one", "Ana Ruiz");
	CHECK_SPEAKER("a farce", "Tom Reyes");
	/* "speculated", "spoke" are cues; "As X spoke," opens a clause */
	run("In a video on Thursday, Donald Ruiz speculated that the men could be smugglers.\n\n"
	    "\"They are being caught at the border, just like I said.\"\n\n"
	    "As Ana Lind spoke, the union was urging members to reject \"any and all "
	    "cuts.\"\n");
	CHECK_SPEAKER("They are being caught", "Donald Ruiz");
	{
		const struct quote *q = find("any and all");
		CHECK(q != NULL);
		CHECK(q == NULL || q->speaker == NULL || strcmp(q->speaker, "Ana Lind") != 0);
	}
}

/* A cue word used as a noun ("a Twitter comment") is no cue; a cue in an
 * opening clause ("After Reyes argued that ..., Ruiz said ...") does not
 * report the main clause. */
static void test_cue_nouns_and_openings(void)
{
	run("The baby is due in the summer.\n\n"
	    "Ana Ruiz immediately posted a Twitter comment of her own, saying, \"We are so "
	    "excited to meet our second grandchild!\"\n\n"
	    "After Tom Reyes argued that the pier should be rebuilt with money saved from "
	    "cutting the harbour budget, Lena Dahl said only that his \"numbers don't add "
	    "up.\"\n");
	CHECK_SPEAKER("We are so excited", "Ana Ruiz");
	CHECK_SPEAKER("numbers don't add up", "Lena Dahl");
	/* a cue after the quotation that introduces the next one */
	run("The emails were released on Friday.\n\n"
	    "Ana Ruiz responds to Tom Mills with, \"Why now? That was on my way to Rome?\" "
	    "Mills then writes back, \"You look great.\"\n");
	CHECK_SPEAKER("Why now?", "Ana Ruiz");
	CHECK_SPEAKER("You look great", "Tom Mills");
	run("The talks collapsed late on Friday.\n\n"
	    "According to a statement from the Ministry of Trade, the two sides \"remain far "
	    "apart on tariffs.\"\n");
	CHECK_SPEAKER("remain far apart", "Ministry of Trade");
}

/* A lede's "France's president said ..." names the president introduced
 * a paragraph later; a bare "the senator" deep in the story does not look
 * ahead. */
static void test_cataphoric_nominal(void)
{
	run("PARIS (Wire) - France's president on Wednesday defended his pension plan, "
	    "telling a televised interview that he would not \"back down in the face of "
	    "violence.\"\n\n"
	    "\"I hear the anger,\" President Louis Marchand said.\n");
	CHECK_SPEAKER("back down in the face", "Louis Marchand");
	/* a street is no "he" */
	run("The fire reached the hills on Sunday.\n\n"
	    "Jim Bowers, 72, who has lived on Ridge Road for 30 years, watched from a "
	    "parking lot. \"Everything I own is up there,\" he said.\n");
	CHECK_SPEAKER("Everything I own", "Jim Bowers");
	/* "In Washington, a ... spokesperson said": no appositive to a place */
	run("In Washington, a State Department spokesperson said the United States "
	    "condemned the launches and urged Pyongyang to \"engage in sustained "
	    "dialogue.\"\n");
	CHECK_SPEAKER("engage in sustained", "State Department spokesperson");
}

/* "the newspaper", "the group": which organisation a generic word names;
 * an appositive name that is a possessor names no one. */
static void test_generic_org_nominals(void)
{
	run("The Valley Courier ran an editorial on Sunday about the county's water "
	    "board, which meets at Riverside College.\n\n"
	    "\"The board has ignored the drought for three summers,\" the newspaper "
	    "wrote.\n");
	CHECK_SPEAKER("The board has ignored", "Valley Courier");
	run("The Harbour Tenants Union marched on Saturday, telling the Evening Standard that rents "
	    "had doubled.\n\n"
	    "\"We will not be priced out of our homes,\" the group said.\n");
	CHECK_SPEAKER("We will not be priced", "Harbour Tenants Union");
	/* only a place it rallied at: nobody the text names */
	run("Several hundred students rallied at Northfield University on Friday.\n\n"
	    "\"Cancel the fees!\" the group chanted.\n");
	CHECK_SPEAKER("Cancel the fees", NULL);
	/* "the Union Leader, New Hampshire's largest newspaper,": no person */
	run("The pro-Gray Union Leader, New Mexico's largest newspaper, has run a string of "
	    "editorials.\n\n"
	    "\"I just think it is the worst deal I have seen,\" the minority leader said.\n");
	CHECK_SPEAKER("I just think it is", NULL);
}

/* "the ROLE" right after a quotation is the person the sentence before
 * is about, over someone further back who holds the role. */
static void test_nominal_near_subject(void)
{
	run("Governor Alma Reyes opened the session on Monday.\n\n"
	    "Paul Okafor, a former governor, sat in the gallery.\n\n"
	    "Dana Whitlock joined in on Tuesday, attacking the budget. \"It spends "
	    "money we do not have,\" the former governor said.\n");
	CHECK_SPEAKER("It spends money", "Dana Whitlock");
	run("Senator Ruth Calder spoke first on Monday.\n\n"
	    "The debate drew a large crowd to the hall.\n\n"
	    "Later in the week, Tomas Ibarra defended his record in an advertisement "
	    "running on local television: \"I fought for this valley,\" the senator "
	    "says to the camera.\n");
	CHECK_SPEAKER("I fought for this valley", "Tomas Ibarra");
	/* a hearing: the judge answers the lawyer who just spoke */
	run("Defence lawyer Aaron Feld addressed the court on Friday.\n\n"
	    "\"Judge, this case was brought in anger,\" Feld said. \"Everything you "
	    "have said has been heard,\" the judge said.\n");
	CHECK_SPEAKER("Everything you have said", NULL);
	/* before a quotation, the sentence opens with what is said */
	run("Columnist Wen Li wrote about the race on Monday.\n\n"
	    "But Harold Greer has one thing in common with voters here, the columnist "
	    "suggested: \"His streak is proof that people are tired.\"\n");
	CHECK_SPEAKER("His streak is proof", "Wen Li");
}

/* A group speaks for whom its description names; a singular possessive
 * inside an organisation's name keeps the name whole. */
static void test_group_qualifier(void)
{
	run("Speaking on background, officials in the Prime Minister's Office did not "
	    "deny the report but said they \"won't prejudge the talks\" and would "
	    "wait.\n");
	CHECK_SPEAKER("won't prejudge", "officials in the Prime Minister's Office");
	const struct quote *q = find("won't prejudge");
	CHECK(q && q->organization && strcmp(q->organization, "Prime Minister's Office") == 0);
	/* "Bush's Facebook post": his post, not an organisation */
	run("Jeb Bush wrote on Bush's Facebook page on Sunday that the party "
	    "\"must move on.\"\n");
	CHECK_SPEAKER("must move on", "Jeb Bush");
	/* a mission, a delegation: organisations by their common noun */
	run("\"We need no lecture on justice,\" Norway's diplomatic mission in Geneva "
	    "said in a statement.\n\n"
	    "\"We will vote against it,\" the trade delegation said.\n");
	CHECK_SPEAKER("We need no lecture", "Norway's diplomatic mission");
}

int main(void)
{
	test_group_qualifier();
	test_nominal_near_subject();
	test_generic_org_nominals();
	test_cataphoric_nominal();
	test_cue_nouns_and_openings();
	test_coordinated_cue();
	test_appositive_roles();
	test_later_sentence_subject();
	test_document_subjects();
	test_titles_and_nominal_appositives();
	test_dateline_and_country_body();
	test_clause_sources();
	test_colon_named();
	test_name_before_pronoun_after();
	test_colon_openings();
	test_possessive_body();
	test_adverbial_participle();
	test_colon_paragraph();
	test_asker_and_inverted();
	test_colon_subject_not_place();
	test_cue_direction();
	test_rank_grades();
	test_description_then_name();
	test_pronoun_prefers_subject();
	test_markup_attributes();
	test_expletive_it();
	test_mixed_case_dateline_and_titles();
	test_long_subordinate_opening();
	test_particles_and_org_appositive();
	test_aged_appositive_and_ranks();
	test_pronoun_skips_genderless_object();
	test_that_was_speaker();
	test_roles_in_many_forms();
	test_single_closing_after_double();
	test_role_owned_by_role();
	test_pronoun_chain_and_sentence_before();
	test_lede_indefinite_named_later();
	test_lede_role_for_person_named_next();
	test_nominal_role_class();
	test_honorific_role_word_surname();
	test_colon_intro_after_opening_clause();
	test_claim_noun();
	test_coordinated_quotes();
	test_cue_forms();
	test_sentence_bounds_and_names();
	test_roles_before_names_and_titles();
	test_according_to_pronoun_and_honorific_appositive();
	test_told_passive();
	test_shadow_and_vice_roles();
	test_owned_inverted_source();
	test_roles_owners_and_particles();
	test_comma_inverted_source();
	test_unnamed_source_description();
	test_possessive_description();
	test_signature_line();
	test_city_state_not_speaker();
	test_title_org_then_name();
	test_indefinite_not_resolved();
	test_subject_openings();
	test_objects_not_speakers();
	test_qualified_description();
	test_show_as_verb();
	test_sentence_initial_words();
	test_pronoun_not_place();
	test_inverted_description();
	test_short_quote_later_sentence();
	test_any_verb_closing();
	test_indirect_subject_appositive();
	test_reported_clause();
	test_headline_teaser();
	test_appositive_subject();
	test_agreement_not_person();
	test_long_opening();
	test_description_tail();
	test_sentence_closed_in_quote();
	test_long_appositive();
	test_single_word_judged();
	test_pronoun_given_name();
	quote_list_free(&ql);
	return test_report("test_quote_attr");
}

/* The quote extractor on small invented articles, one per rule and per hard
 * case (cue orders, according to, colon introductions, partial quotes,
 * pronouns, nominals, continuations, British quotes, nesting, roles,
 * organisations, alias merging, scare quotes, abbreviations, bad bytes). */
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

/* The quote whose text starts with prefix, or NULL. */
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

static const char *field(const char *prefix, int which)
{
	const struct quote *q = find(prefix);
	if (!q)
		return "(no quote)";
	switch (which) {
	case 0: return q->role;
	case 1: return q->organization;
	case 2: return q->country;
	case 3: return q->cue;
	case 4: return q->rule;
	default: return q->role_stated;
	}
}

static void test_cue_orders(void)
{
	run("Flooding closed the bridge on Tuesday.\n\n"
	    "\"We will reopen it within a week,\" said Mayor Linda Okafor.\n\n"
	    "\"The repairs are already funded,\" Okafor said.\n\n"
	    "Engineer Tomas Brenner said: \"The steel is sound.\"\n\n"
	    "Council member Aisha Grant said \"nobody was hurt, thankfully.\"\n");
	CHECK(ql.n == 4);
	CHECK_SPEAKER("We will reopen", "Linda Okafor");
	CHECK_STR(field("We will reopen", 0), "mayor");
	CHECK_STR(field("We will reopen", 3), "said");
	CHECK_STR(field("We will reopen", 4), "cue_adjacent");
	CHECK_SPEAKER("The repairs", "Linda Okafor");
	CHECK_STR(field("The repairs", 0), "mayor"); /* role carried */
	CHECK_SPEAKER("The steel", "Tomas Brenner");
	CHECK_STR(field("The steel", 0), "engineer");
	CHECK_SPEAKER("nobody was hurt", "Aisha Grant");
	{
		const struct quote *q = find("We will reopen");
		CHECK(q && q->confidence > 0.5 && q->speaker_kind == SPEAKER_PERSON);
		CHECK(q && strncmp("We will reopen it within a week,", q->text, 32) == 0);
		CHECK(q && q->end - q->start == strlen(q->text));
	}
}

static void test_according_to(void)
{
	run("The harvest was the worst in a decade, according to farmer Jens Alder.\n\n"
	    "\"It rained for forty days,\" according to Jens Alder.\n");
	CHECK_SPEAKER("It rained", "Jens Alder");
	CHECK_STR(field("It rained", 4), "according_to");
}

static void test_colon_intro(void)
{
	run("Professor Maria Lindqvist was blunt: \"This bridge should never have been built.\"\n");
	CHECK_SPEAKER("This bridge", "Maria Lindqvist");
	CHECK_STR(field("This bridge", 4), "colon_intro");
	CHECK_STR(field("This bridge", 0), "professor");
}

static void test_partial_indirect(void)
{
	run("Auditor general Paul Mensah said the agency had \"repeatedly ignored its own rules\" "
	    "for three years.\n");
	CHECK_SPEAKER("repeatedly ignored", "Paul Mensah");
	CHECK_STR(field("repeatedly ignored", 4), "partial_indirect");
	{
		const struct quote *q = find("repeatedly ignored");
		CHECK(q && q->partial);
	}
}

static void test_pronoun_chain(void)
{
	run("Mr Daniel Ortiz, the port's chief executive, spoke to reporters on Monday.\n\n"
	    "\"Shipping volumes doubled,\" he said.\n\n"
	    "Mrs Helen Park, who chairs the union, disagreed.\n\n"
	    "\"Those numbers hide the overtime,\" she said.\n\n"
	    "\"We expect more growth,\" he added.\n");
	CHECK_SPEAKER("Shipping volumes", "Daniel Ortiz");
	CHECK_STR(field("Shipping volumes", 4), "pronoun");
	CHECK_STR(field("Shipping volumes", 0), "chief executive officer");
	CHECK_SPEAKER("Those numbers", "Helen Park");
	CHECK_SPEAKER("We expect more", "Daniel Ortiz");
}

static void test_alternating(void)
{
	run("Two candidates met for a debate in Riverton.\n\n"
	    "\"Taxes are too high,\" said Senator Ruth Calder.\n\n"
	    "\"Taxes pay for the schools,\" Governor Ben Whitlock replied.\n\n"
	    "\"Not these taxes,\" Calder said.\n\n"
	    "\"Every one of them,\" said Whitlock.\n");
	CHECK_SPEAKER("Taxes are too high", "Ruth Calder");
	CHECK_SPEAKER("Taxes pay", "Ben Whitlock");
	CHECK_SPEAKER("Not these", "Ruth Calder");
	CHECK_STR(field("Not these", 0), "senator");
	CHECK_SPEAKER("Every one", "Ben Whitlock");
	CHECK_STR(field("Every one", 0), "governor");
}

static void test_named_after(void)
{
	run("\"We are not going anywhere.\"\n\n"
	    "That was the message from union leader Karl Jensen, who said the strike would go on.\n");
	CHECK_SPEAKER("We are not going", "Karl Jensen");
}

static void test_multi_paragraph(void)
{
	run("\"The first part of the plan is simple,\" said Defence Minister Olga Petrova.\n\n"
	    "\"The second part is harder.\n\n"
	    "\"The third part will take years.\"\n\n"
	    "The opposition rejected the plan.\n");
	CHECK(ql.n == 3);
	CHECK_SPEAKER("The first part", "Olga Petrova");
	CHECK_SPEAKER("The second part is harder.", "Olga Petrova");
	CHECK_SPEAKER("The third part", "Olga Petrova");
	CHECK_STR(field("The third part", 4), "continuation");
	CHECK_STR(field("The first part", 0), "defence minister");
	{
		const struct quote *q = find("The second part");
		CHECK(q && strcmp(q->text, "The second part is harder.") == 0);
	}
}

static void test_british_quotes(void)
{
	run("The minister’s plan, which critics call ‘rock ’n’ roll economics’, drew fire.\n\n"
	    "‘It doesn’t add up and the ’90s showed why,’ said economist Priya Natarajan.\n\n"
	    "'We can't afford it,' said Tom O'Neill, a lawyer.\n");
	CHECK_SPEAKER("It doesn’t add up and the ’90s showed why,", "Priya Natarajan");
	CHECK_SPEAKER("We can't afford it,", "Tom O'Neill");
	CHECK_STR(field("We can't", 0), "lawyer");
	CHECK(find("rock ’n’ roll economics") != NULL);
	CHECK(find("s plan") == NULL);
	/* a plural possessive inside a single-quoted quotation */
	run("Mr Hale added: 'Families are paying for the Tories' mistakes.'\n\n"
	    "‘The voters’ patience is thin,’ said Ms Moss.\n");
	CHECK(find("Families are paying for the Tories' mistakes.") != NULL);
	CHECK(find("The voters’ patience is thin,") != NULL);
	run("He called it ‘a mess’ and left the Jones’ house early.\n");
	CHECK(find("a mess") != NULL && strcmp(find("a mess")->text, "a mess") == 0);
	/* a single-quoted quotation opened mid-paragraph, continued in the next */
	run("Sentencing her, Judge Martin Ellory said: ‘You were trusted with the care "
	    "of the most vulnerable people in our town.\n\n"
	    "‘You exploited that trust in the most cynical way.’\n");
	CHECK_SPEAKER("You were trusted with the care", "Martin Ellory");
	CHECK_SPEAKER("You exploited that trust", "Martin Ellory");
}

static void test_nested_and_split(void)
{
	run("\"He told me 'never again' and I believed him,\" said Anna Weber.\n\n"
	    "\"We will win,\" he said, \"and soon.\"\n\n"
	    "“Our ‘temporary’ tax is now permanent,” said Lars Holm.\n");
	CHECK_SPEAKER("He told me 'never again'", "Anna Weber");
	CHECK(find("never again") == NULL); /* nested, not a quote of its own */
	CHECK(find("temporary") == NULL);
	CHECK(find("and soon.") != NULL);
	CHECK_SPEAKER("Our ‘temporary’", "Lars Holm");
	CHECK(find("Our ‘temporary’ tax is now permanent,") != NULL);
}

static void test_split_quote(void)
{
	run("\"We will win,\" said coach Mia Sandberg, \"and we will win soon.\"\n");
	CHECK_SPEAKER("We will win,", "Mia Sandberg");
	CHECK_SPEAKER("and we will win", "Mia Sandberg");
}

static void test_roles(void)
{
	run("\"The charges are groundless,\" said Chinese Foreign Ministry spokeswoman Li Hua.\n\n"
	    "\"We followed the evidence,\" said FBI director Carla Benton.\n\n"
	    "\"This is a landmark,\" said Martin Kell, managing director of Vantor Analytics Group.\n\n"
	    "\"Rates will stay put,\" said US treasury secretary Dana Ruiz.\n");
	CHECK_SPEAKER("The charges", "Li Hua");
	CHECK_STR(field("The charges", 0), "foreign ministry spokesperson");
	CHECK_STR(field("The charges", 5), "Foreign Ministry spokeswoman");
	CHECK_STR(field("The charges", 2), "China");
	CHECK_SPEAKER("We followed", "Carla Benton");
	CHECK_STR(field("We followed", 0), "director");
	CHECK_STR(field("We followed", 1), "FBI");
	CHECK_SPEAKER("This is a landmark", "Martin Kell");
	CHECK_STR(field("This is a landmark", 0), "managing director");
	CHECK_STR(field("This is a landmark", 1), "Vantor Analytics Group");
	CHECK_SPEAKER("Rates will", "Dana Ruiz");
	CHECK_STR(field("Rates will", 0), "treasury secretary");
	CHECK_STR(field("Rates will", 2), "United States");

	/* A lower-case institution before the role. */
	run("\"The minutes will be out tomorrow,\" said council spokeswoman Nadia Ferrer.\n");
	CHECK_SPEAKER("The minutes", "Nadia Ferrer");
	CHECK_STR(field("The minutes", 0), "council spokesperson");
}

static void test_organisations(void)
{
	run("\"The sanctions are illegal,\" the Kremlin said.\n\n"
	    "China’s Ministry of Foreign Affairs said the report was \"pure fiction\".\n\n"
	    "\"We welcome the talks,\" the ministry added.\n");
	{
		const struct quote *q = find("The sanctions");
		CHECK(q && q->speaker_kind == SPEAKER_ORGANIZATION);
	}
	CHECK_SPEAKER("The sanctions", "Kremlin");
	CHECK_SPEAKER("pure fiction", "Ministry of Foreign Affairs");
	CHECK_STR(field("pure fiction", 2), "China");
	CHECK_SPEAKER("We welcome", "Ministry of Foreign Affairs");
	CHECK_STR(field("We welcome", 4), "nominal");
}

static void test_alias_merging(void)
{
	run("Holder spoke first at the hearing.\n\n"
	    "US attorney general Eric Holder said the case was strong.\n\n"
	    "\"We have the documents,\" Mr Holder said.\n\n"
	    "\"And the witnesses,\" said Holder.\n");
	CHECK_SPEAKER("We have the documents", "Eric Holder");
	CHECK_STR(field("We have the documents", 0), "attorney general");
	CHECK_SPEAKER("And the witnesses", "Eric Holder");
	CHECK_STR(field("And the witnesses", 2), "United States");
}

static void test_nominal(void)
{
	run("Sarah Quist, the company's spokeswoman, declined to give figures on Friday.\n\n"
	    "\"Sales were strong,\" the spokeswoman said.\n");
	CHECK_SPEAKER("Sales were strong", "Sarah Quist");
	CHECK_STR(field("Sales were strong", 0), "spokesperson");
}

static void test_unattributed(void)
{
	run("The so-called \"reforms\" were passed at night.\n\n"
	    "Critics watched the film \"Silent Harbour\" on Sunday and Senator Jo Marsh said nothing.\n\n"
	    "A banner read \"No more cuts\" at the rally.\n");
	{
		const struct quote *q = find("reforms");
		CHECK(!q || (q->speaker == NULL && q->confidence == 0));
		q = find("Silent Harbour");
		CHECK(!q || q->speaker == NULL);
	}
}

static void test_abbreviations(void)
{
	run("The U.S. Senate met on Jan. 5 and Sen. Mark Doyle of St. Louis spoke. "
	    "Dr. Ann Lee, a physician at Acme Corp. in the U.S., was asked about it. "
	    "\"It is safe,\" she said.\n");
	CHECK_SPEAKER("It is safe", "Ann Lee");
}

static void test_robustness(void)
{
	static const char bad[] = "\"unclosed \xff\xfe quote \0 with NUL\n\n\"\"\"''‘’“”\n"
				  "\xe2\x80 broken \xc3 utf8 said \"x\n";
	struct quote_list l;
	char *big;
	size_t n = 2000000;

	CHECK(quotes_extract(bad, sizeof(bad) - 1, &l) == 0);
	for (size_t i = 0; i < l.n; i++)
		CHECK(l.v[i].start <= l.v[i].end && l.v[i].end <= sizeof(bad) - 1);
	quote_list_free(&l);
	CHECK(quotes_extract("", 0, &l) == 0 && l.n == 0);
	quote_list_free(&l);
	CHECK(quotes_extract(NULL, 0, &l) == 0 && l.n == 0);
	quote_list_free(&l);
	/* a huge run of marks and words, no paragraph break */
	big = malloc(n);
	for (size_t i = 0; i < n; i++)
		big[i] = "\"a' Bc, said \xe2\x80\x9c"[i % 17];
	CHECK(quotes_extract(big, n, &l) == 0);
	quote_list_free(&l);
	free(big);
	/* an unclosed quotation does not swallow later paragraphs */
	run("\"This never closes, said Jo Bell.\n\nA calm paragraph.\n\n\"Second,\" said Al Roe.\n");
	CHECK(find("A calm") == NULL);
	CHECK_SPEAKER("Second", "Al Roe");
}

/* No cue verb: the subject of the quotation's sentence is its source. */
static void test_sentence_subject(void)
{
	run("Mayor Ines Carvalho dismissed the audit as \"a political stunt\" on Friday.\n\n"
	    "On Monday, council member Rui Lopes called the budget \"a fantasy\".\n");
	CHECK_SPEAKER("a political stunt", "Ines Carvalho");
	CHECK_STR(field("a political stunt", 4), "sentence_subject");
	CHECK_SPEAKER("a fantasy", "Rui Lopes");
	/* one scare-quoted word with no cue is nobody's speech */
	run("Mayor Ines Carvalho backed the \"reforms\" on Tuesday.\n");
	CHECK(find("reforms") == NULL || find("reforms")->speaker == NULL);
}

/* A participle after a comma takes the subject of the clause before, and a
 * place after a preposition is never the speaker. */
static void test_participle_and_place(void)
{
	run("Harbour master Tomas Lind attacked the plan at a meeting in Bergen, calling it "
	    "\"reckless\" and \"expensive\".\n\n"
	    "Rita Solberg, speaking at a rally in Tromso, Norway, said the vote was \"a mistake\".\n");
	CHECK_SPEAKER("reckless", "Tomas Lind");
	CHECK_SPEAKER("expensive", "Tomas Lind");
	CHECK_SPEAKER("a mistake", "Rita Solberg");
	/* a participle after a cue: the cue's source */
	run("\"We tried everything,\" said Mayor Ines Carvalho, adding that the plan was \"dead\".\n");
	CHECK_SPEAKER("dead", "Ines Carvalho");
}

/* "According to X" opening a sentence; a party and state in parentheses. */
static void test_according_parenthesis(void)
{
	run("According to Ines Carvalho, the audit was \"a political stunt\".\n\n"
	    "\"Ferries must run on time,\" Rep. Jon Marsh (D-Ore.) said.\n\n"
	    "Sen. Ada Price (R-Utah) said: \"The bridge comes first.\"\n");
	CHECK_SPEAKER("a political stunt", "Ines Carvalho");
	CHECK_STR(field("a political stunt", 4), "according_to");
	CHECK_SPEAKER("Ferries must", "Jon Marsh");
	CHECK_SPEAKER("The bridge comes", "Ada Price");
}

/* A name line above a run of quotations, with a date line between. */
static void test_name_line(void)
{
	run("Lena Vogt (Harbour Trust)\n"
	    "12 March 2024\n\n"
	    "\xe2\x80\x98We will keep the pier open for everyone.\xe2\x80\x99\n\n"
	    "\xe2\x80\x98Repairs start in the spring.\xe2\x80\x99\n\n"
	    "3 March 2024\n\n"
	    "\xe2\x80\x98The fees will not rise this year.\xe2\x80\x99\n");
	CHECK_SPEAKER("We will keep", "Lena Vogt");
	CHECK_STR(field("We will keep", 4), "name_line");
	CHECK_SPEAKER("Repairs start", "Lena Vogt");
	CHECK_SPEAKER("The fees", "Lena Vogt");
}

/* A headline quotation signed after a dash; "4 June" is a date, not a name. */
static void test_dash_source(void)
{
	run("4 June 2024: \xe2\x80\x9c" "Children need safe water now\xe2\x80\x9d \xe2\x80\x93 Lena Vogt\n\n"
	    "The appeal came as the drought entered its third month.\n");
	CHECK_SPEAKER("Children need", "Lena Vogt");
	CHECK_STR(field("Children need", 4), "dash_source");
}

/* Post-nominal "MP", a role in an appositive after it, initials written
 * without periods, and a role followed by "to <country>" and the name. */
static void test_role_forms(void)
{
	run("John Marlow MP, Labour's Shadow Health Secretary, said: \"Waiting lists are too long.\"\n\n"
	    "Defence Minister A K Mehra said, \"The border is calm.\"\n\n"
	    "US Ambassador to Norway Clara Holt said the talks were \"useful\".\n\n"
	    "\"Patrols continue every night,\" the minister said.\n");
	CHECK_SPEAKER("Waiting lists", "John Marlow");
	CHECK_STR(field("Waiting lists", 0), "shadow health secretary");
	CHECK_SPEAKER("The border is calm", "A K Mehra");
	CHECK_STR(field("The border is calm", 0), "defence minister");
	CHECK_SPEAKER("useful", "Clara Holt");
	CHECK_STR(field("useful", 0), "ambassador");
	CHECK_SPEAKER("Patrols continue", "A K Mehra"); /* "the minister" */
	CHECK_STR(field("Patrols continue", 4), "nominal");
}

/* Sources named by description only, and organisations named after a
 * person: "a senior campaign spokesman", "the Harlow campaign". */
static void test_described_sources(void)
{
	run("\"We were never consulted,\" a senior campaign spokesman said.\n\n"
	    "The Harlow campaign called the ruling \"deeply unfair\".\n\n"
	    "Security firm Nordvakt said the attack was \"highly organised\".\n\n"
	    "The Fishing Association says President Lora Diaz's plan is \"ruinous\" for small boats.\n");
	CHECK_SPEAKER("We were never", "senior campaign spokesman");
	CHECK_STR(field("We were never", 0), "campaign spokesperson");
	CHECK_SPEAKER("deeply unfair", "Harlow campaign");
	{
		const struct quote *q = find("deeply unfair");
		CHECK(q && q->speaker_kind == SPEAKER_ORGANIZATION);
	}
	CHECK_SPEAKER("highly organised", "Nordvakt");
	CHECK_STR(field("highly organised", 0), "security firm");
	CHECK_SPEAKER("ruinous", "Fishing Association");
}

/* Titles in title case are nobody's speech: left out, or never attributed. */
static void test_titles(void)
{
	run("Mayor Ines Carvalho appeared on NBC's \"Morning Report With Dana\" on Sunday.\n\n"
	    "The mayor also likes \"Harbour Lights Forever\", a local musical.\n");
	CHECK(find("Morning Report") == NULL);
	CHECK(find("Harbour Lights") == NULL);
}

int main(void)
{
	test_cue_orders();
	test_according_to();
	test_colon_intro();
	test_partial_indirect();
	test_pronoun_chain();
	test_alternating();
	test_named_after();
	test_multi_paragraph();
	test_british_quotes();
	test_nested_and_split();
	test_split_quote();
	test_roles();
	test_organisations();
	test_alias_merging();
	test_nominal();
	test_unattributed();
	test_abbreviations();
	test_robustness();
	test_sentence_subject();
	test_participle_and_place();
	test_according_parenthesis();
	test_name_line();
	test_dash_source();
	test_role_forms();
	test_described_sources();
	test_titles();
	quote_list_free(&ql);
	return test_report("test_quote");
}

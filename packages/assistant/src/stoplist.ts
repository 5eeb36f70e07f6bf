/**
 * Capitalised words that are not parts of persons' names: function words at the start of a sentence, months and
 * days, titles, and the words of organisations, institutions, laws, media and countries the reports name. No
 * person's name is listed here (ADR 017): a name word is recognised by being capitalised, not a common word of
 * the report (it never appears in lower case), not one of these and not a place.
 */
const WORDS = `
a an the in on at of for from with by to into onto and but or nor as after before during since until while when
whence where what who whom whose which why how this that these those there here their his her he she it its they
them we our us i you your my me also however moreover furthermore nevertheless thus therefore then later earlier
according among both another other others some many most all each every no not only any such several few
one two three four five six seven eight nine ten eleven twelve first second third last next previously
despite although though because if whether yes so very much more less
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
mr mrs ms miss dr sir madam mister
kazakhstan kazakh kazakhs kazakhstani kazakhstan's qazaqstan republic democratic choice party partiyasy koshe
court courts committee ministry minister foundation union european parliament council commission human rights
watch international national security police department office prosecutor prosecutors general supreme district
regional city region oblast code criminal administrative civil article articles art facebook telegram instagram
youtube whatsapp viber tiktok twitter radio azattyq azattyk free europe liberty photo photos source dialogue open
odf dck dvk kibhr iphr hrw un osce odihr eu pace usa us uk china chinese russia russian ukraine ukrainian france
french poland polish belgium italy italian germany german lithuania latvia federation agency service bureau
movement group association centre center day independence square street avenue prison colony facility media
news times post press agreement law laws constitution resolution coalition alliance state government
presidential president administration nations united special rapporteur working arbitrary detention amnesty
front line defenders reporters without borders freedom house internet website vice chairman chairwoman
director head deputy judge investigator ombudsman ombudswoman mep meps senator senators
financial monitoring anti corruption economic affairs internal foreign justice interior information
assembly assemblies mazhilis senate akimat akim nur sultan alga oyan elimai elimay bostandyq femina virtute
veritas qaharman adil soz atajurt ata jurt street amanat nur otan kazpravda tengrinews vlast orda elmedia
ulysmidia azattyq's respublika eurasianet reuters afp bbc rfe rl vot ak zhayik uralsk week
charges charge sentence sentenced detained arrested convicted case cases trial verdict appeal
the. photo: source:
islamic islam muslim christian orthodox jehovah's witnesses tablighi jamaat hizb tahrir
soviet ussr cis eaeu sco nato wgad ohchr ccpr cat hrc unhrc ngo ngos
north south east west northern southern eastern western central asia asian
attachment attachments annex appendix table contents introduction summary conclusion conclusions recommendations
chapter section part paragraph page figure
declaration universal global ltd llp jsc inc plc gmbh park sejm nedelya gazeta pravda
activist activists journalist journalists blogger bloggers lawyer lawyers defender defenders complainant
complainants detainee detainees prisoner prisoners political civic pensioner pensioners teacher teachers mother
mothers wife husband observer observers member members supporter supporters participant participants people
persons citizens citizen residents resident protesters protester officers investigators judges colleagues
`;

export const STOP_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));

/** Words that, written just before a name, say the person acts for the state or comments on the case. */
export const AUTHORITY_ROLES =
  /\b(?:President|president|Prime Minister|[Mm]inister|[Jj]udge|[Pp]rosecutor|[Ii]nvestigator|[Oo]fficer|[Pp]oliceman|[Cc]ommissioner|[Oo]mbudsman|[Oo]mbudswoman|MEP|[Rr]apporteur|[Rr]esearcher|[Ss]pokesperson|[Ss]pokesman|[Aa]mbassador|[Rr]epresentative|[Cc]hairman|[Cc]hairwoman|[Aa]kim|[Mm]ayor|[Ss]enator|[Dd]eputy|[Hh]ead of the|Head of|[Dd]irector|[Ss]ecretary|[Cc]ommander|[Cc]olonel|[Gg]eneral|[Mm]ajor|[Cc]aptain|[Ll]ieutenant|[Ee]nvoy|[Dd]iplomat|[Ss]pecial Representative|[Cc]onsul|[Mm]ember of (?:the )?European Parliament|Vice-President)\b/;

/** Words near a name that say the person is someone the registry documents: persecuted, or active in civil society. */
export const PERSON_CONTEXT =
  /(?<![\p{L}])(?:detain|arrest|apprehend|intimidat|editor|reporter|correspondent|sentenc|convict|charg|prosecut|persecut|accus|custody|prison|jail|colony|fined|\bfine\b|search|interrogat|question|summon|threat|attack|beat|tortur|ill-treat|pressur|harass|ban|restrict|house arrest|pre-?trial|hunger strike|released|acquit|investigat|suspect|case against|criminal case|trial|court|extradit|asylum|refugee|fled|activist|defender|journalist|blogger|political prisoner|opposition|protest|rally|picket|complainant|pensioner|mother|father|wife|husband|son|daughter|brother|sister|aged \d|\(\d{2}\)|, \d{2},|задерж|арест|осужд|приговор|обвин|преслед|активист|журналист|заключ|штраф|обыск|допрос)/iu;

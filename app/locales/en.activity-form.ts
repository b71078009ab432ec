import type { frActivityForm } from "./fr.activity-form.ts";

export const enActivityForm: Record<keyof typeof frActivityForm, string> = {
  "toast.activityCreated": "Draft {ref} created. Now fill in the record of the processing activity.",

  // Creation
  "activityForm.new.title": "Declare a new processing activity",
  "activityForm.new.intro":
    "Start with a name and the department concerned. You will complete the record at your own pace: it stays a draft, visible to your department and the DPO, until you submit it.",
  "activityForm.new.submit": "Create the draft",
  "activityForm.new.noDepartment":
    "No department is assigned to you, so you cannot declare a processing activity yet. Ask your DPO to attach you to your department.",
  "activityForm.new.breadcrumb": "New processing activity",

  // Edition page
  "activityForm.edit.title": "Edit: {name}",
  "activityForm.edit.meta": "Record {ref} · status: {status}",
  "activityForm.edit.breadcrumb": "Edit",
  "activityForm.edit.intro":
    "Fill in what you know: you can save at any time and come back later. Saving does not send the record to the DPO. Fields marked with an asterisk (*) are required; if a legal question puzzles you, leave it blank and tell the DPO.",
  "activityForm.save": "Save",
  "activityForm.cancel": "Cancel and go back to the record",
  "activityForm.toc": "Sections of the record",
  "activityForm.choose": "— Choose —",
  "activityForm.itemLegend": "{label} no. {n}",
  "activityForm.approvedNotice.title": "This processing activity is approved (version {version}).",
  "activityForm.approvedNotice.body":
    "If you save a change, a new draft is opened. The register keeps showing version {version} until the DPO approves the new version.",
  "activityForm.pendingNotice":
    "Changes are in progress since approved version {version}. The register still shows version {version} until these changes are approved.",
  "activityForm.changesRequestedNotice":
    "The DPO has requested changes: their comments are on the page of the processing activity. Once the record is corrected and saved, submit it again from that page.",

  // Summary of the saved record
  "activityForm.summary.title": "How complete is the record?",
  "activityForm.summary.basis": "This summary reflects the last saved version; it is updated every time you save.",
  "activityForm.summary.score": "Completeness: {score}%",
  "activityForm.summary.missingTitle": "Still to fill in ({count})",
  "activityForm.summary.complete": "All the information required by Article 30 is provided.",
  "activityForm.summary.warningsTitle": "Points to check ({count})",

  // Sections
  "activityForm.section.identity": "Identification of the processing",
  "activityForm.section.identity.intro": "Which processing activity is this, and who looks after it?",
  "activityForm.section.regime": "Legal framework and role of the authority",
  "activityForm.section.regime.intro": "Under which law is the processing carried out, and who decides how it works?",
  "activityForm.section.purposes": "Purposes",
  "activityForm.section.purposes.intro": "What are the data used for? (GDPR Article 30(1)(b))",
  "activityForm.section.legal": "Legal basis",
  "activityForm.section.legal.intro": "What allows the authority to use these data (GDPR Article 6; Articles 9 and 10 for sensitive data and offences).",
  "activityForm.section.subjects": "Data subjects",
  "activityForm.section.subjects.intro": "Whom are the data about? (Article 30(1)(c))",
  "activityForm.section.data": "Data and retention periods",
  "activityForm.section.data.intro": "Which data are collected, where do they come from and how long are they kept? (Articles 30(1)(c) and 30(1)(f))",
  "activityForm.section.recipients": "Recipients",
  "activityForm.section.recipients.intro": "Who receives or sees the data, inside the authority and outside? (Article 30(1)(d))",
  "activityForm.section.transfers": "Transfers outside the EEA and to international organisations",
  "activityForm.section.transfers.intro":
    "Fill in only if data are sent to, or can be accessed from, outside the European Union and the European Economic Area (Iceland, Liechtenstein, Norway), for example with online software hosted in the United States. (Article 30(1)(e))",
  "activityForm.section.security": "Security measures",
  "activityForm.section.security.intro":
    "How the data are protected (Articles 30(1)(g) and 32). Describe what really exists, even if modest: the DPO will help you improve it.",
  "activityForm.section.rights": "Rights and information of data subjects",
  "activityForm.section.rights.intro": "How people learn that their data are used, and how they can exercise their rights (Articles 12 to 22).",
  "activityForm.section.risks": "Risk criteria",
  "activityForm.section.risks.intro":
    "Tick what applies. These criteria, from the European guidelines on impact assessments, help the DPO decide whether a data protection impact assessment (DPIA, Article 35) is needed: it usually is as soon as two criteria are ticked. When in doubt, tick and tell the DPO.",
  "activityForm.section.review": "Periodic review",
  "activityForm.section.review.intro": "A record must be reviewed regularly to stay accurate.",

  // Identity
  "activityForm.field.name": "Name of the processing activity",
  "activityForm.hint.name": "A short, telling name everyone understands. Example: “Management of the electoral rolls”.",
  "activityForm.field.description": "Description",
  "activityForm.hint.description":
    "In a few sentences: what the department does, for whom, with which tool. Example: “Registration and removal of voters, keeping the single electoral register with the elections software.”",
  "activityForm.field.departmentId": "Department in charge",
  "activityForm.hint.departmentId": "The department that runs the processing day to day. Example: “Elections”.",
  "activityForm.hint.departmentIdEditor": "The department that runs the processing day to day. You can only choose your own departments.",
  "activityForm.department.none": "— No department (to be specified) —",
  "activityForm.field.internalContact": "Contact in the department",
  "activityForm.hint.internalContact":
    "The position (rather than a person) to contact with questions. Example: “Head of the elections office, elections@town.fr”.",
  "activityForm.field.implementationDate": "Start date",
  "activityForm.hint.implementationDate": "When the processing started, even approximately. Example: 01/03/2019.",

  // Regime and role
  "activityForm.field.regime": "Legal regime",
  "activityForm.hint.regime":
    "Almost all of a municipality's processing falls under the GDPR. Choose the “law enforcement” directive only for preventing, investigating or detecting offences, for example fines issued by the municipal police.",
  "activityForm.field.role": "Role of the authority",
  "activityForm.hint.role":
    "Controller: the authority alone decides why and how (the usual case). Joint controller: it decides together with another body, for example a portal shared with the inter-municipal authority. Processor: it acts on behalf of another body, for example processing building permits for another municipality. The last two choices show a list to fill in.",
  "activityForm.field.jointControllers": "Joint controller",
  "activityForm.list.jointControllers.legend": "Joint controllers (Article 26)",
  "activityForm.list.jointControllers.hint":
    "The bodies that decide the purposes and means of the processing together with you. An arrangement between you must share out the obligations.",
  "activityForm.list.jointControllers.add": "Add a joint controller",
  "activityForm.list.jointControllers.remove": "Remove joint controller no. {n}",
  "activityForm.list.jointControllers.empty": "No joint controller yet.",
  "activityForm.list.jointControllers.notApplicable": "This information only applies when the role is “Joint controller”. Remove it if the role has changed.",
  "activityForm.field.jointControllers.name": "Organisation",
  "activityForm.hint.jointControllers.name": "Example: “Val inter-municipal community”.",
  "activityForm.field.jointControllers.contact": "Contact",
  "activityForm.hint.jointControllers.contact": "The office or DPO to contact. Example: “dpo@cc-val.fr”.",
  "activityForm.field.jointControllers.arrangement": "Summary of the arrangement (Article 26)",
  "activityForm.hint.jointControllers.arrangement":
    "Who does what: informing people, answering requests, security. Example: “The municipality informs users; the community hosts the portal and answers access requests.”",
  "activityForm.field.processorFor": "Controller",
  "activityForm.list.processorFor.legend": "On whose behalf do you act? (Article 30(2))",
  "activityForm.list.processorFor.hint": "The bodies that entrust you with the processing and remain responsible for it.",
  "activityForm.list.processorFor.add": "Add a controller",
  "activityForm.list.processorFor.remove": "Remove controller no. {n}",
  "activityForm.list.processorFor.empty": "No controller yet.",
  "activityForm.list.processorFor.notApplicable": "This information only applies when the role is “Processor”. Remove it if the role has changed.",
  "activityForm.field.processorFor.controller": "Controller organisation",
  "activityForm.hint.processorFor.controller": "Example: “Municipality of Saint-Paul”.",
  "activityForm.field.processorFor.contact": "Contact",
  "activityForm.hint.processorFor.contact": "Example: “Saint-Paul town hall, urbanisme@saint-paul.fr”.",
  "activityForm.field.processorFor.categories": "Processing carried out on its behalf",
  "activityForm.hint.processorFor.categories": "Example: “Processing of building permit applications and prior declarations”.",

  // Purposes
  "activityForm.field.purposes.main": "Main purpose",
  "activityForm.hint.purposes.main": "Why are these data used? Start with a verb. Example: “Keep the municipality's electoral rolls”.",
  "activityForm.field.purposes.sub": "Sub-purpose",
  "activityForm.list.purposes.sub.legend": "Sub-purposes",
  "activityForm.list.purposes.sub.hint": "More specific uses, one per line. Examples: “Send polling cards”, “Organise polling stations”.",
  "activityForm.list.purposes.sub.add": "Add a sub-purpose",
  "activityForm.list.purposes.sub.remove": "Remove sub-purpose no. {n}",
  "activityForm.list.purposes.sub.empty": "No sub-purpose yet (optional).",

  // Legal bases
  "activityForm.field.legalBases": "Legal basis",
  "activityForm.list.legalBases.legend": "Legal bases (Article 6)",
  "activityForm.list.legalBases.hint":
    "For a municipality, the basis is usually a legal obligation (a law requires the processing) or a task in the public interest. Example: legal obligation, “Electoral Code, Art. L16”.",
  "activityForm.list.legalBases.add": "Add a legal basis",
  "activityForm.list.legalBases.remove": "Remove legal basis no. {n}",
  "activityForm.list.legalBases.empty": "No legal basis yet.",
  "activityForm.field.legalBases.basis": "Legal basis",
  "activityForm.hint.legalBases.basis": "Consent and legitimate interests rarely suit a public authority: when in doubt, ask the DPO.",
  "activityForm.field.legalBases.text": "Legal reference",
  "activityForm.hint.legalBases.text": "The law, decree or council decision the processing relies on. Example: “Electoral Code, Art. L16”.",
  "activityForm.field.legalBases.purpose": "Purpose covered",
  "activityForm.hint.legalBases.purpose":
    "Useful when there are several legal bases: which purpose does this one cover? Example: “Keeping the electoral rolls”.",
  "activityForm.field.art9Conditions": "Condition",
  "activityForm.list.art9Conditions.legend": "Conditions for sensitive data (Article 9(2))",
  "activityForm.list.art9Conditions.hint":
    "Only if you process sensitive data (health, political opinions, religious beliefs, origin, trade union membership, biometric or genetic data, sex life): processing them is prohibited except in one of these cases.",
  "activityForm.list.art9Conditions.add": "Add an Article 9(2) condition",
  "activityForm.list.art9Conditions.remove": "Remove condition no. {n}",
  "activityForm.list.art9Conditions.empty": "No condition given.",
  "activityForm.list.art9Conditions.needed": "You have listed sensitive data: add at least one Article 9(2) condition.",
  "activityForm.field.art9Conditions.condition": "Condition",
  "activityForm.hint.art9Conditions.condition": "Example: “health or social care (9(2)(h))” for a social assistance file.",
  "activityForm.field.art9Conditions.text": "Details and legal reference",
  "activityForm.hint.art9Conditions.text": "Example: “Social Action and Families Code, Art. L123-5”.",
  "activityForm.field.art10Basis": "Law authorising the processing of offence data (Article 10)",
  "activityForm.hint.art10Basis":
    "Only if you process criminal convictions or offences. Cite the law that authorises you. Example: “Internal Security Code, Art. L511-1 (municipal police)”.",
  "activityForm.art10Needed": "You have listed offence data: state the law that authorises processing them.",

  // Data subjects
  "activityForm.field.dataSubjects": "Category of persons",
  "activityForm.list.dataSubjects.legend": "Categories of data subjects",
  "activityForm.list.dataSubjects.hint": "One line per type of person. Example: voters, the department's staff.",
  "activityForm.list.dataSubjects.add": "Add a category of persons",
  "activityForm.list.dataSubjects.remove": "Remove category of persons no. {n}",
  "activityForm.list.dataSubjects.empty": "No category of persons yet.",
  "activityForm.field.dataSubjects.category": "Category",
  "activityForm.hint.dataSubjects.category": "Choose the closest one, then give details below.",
  "activityForm.field.dataSubjects.description": "Details",
  "activityForm.hint.dataSubjects.description": "Example: “Voters registered on the municipality's rolls, including the supplementary rolls”.",
  "activityForm.field.dataSubjects.estimatedCount": "Estimated number of persons",
  "activityForm.hint.dataSubjects.estimatedCount": "An order of magnitude is enough, in digits. Example: 12000.",

  // Data categories
  "activityForm.field.dataCategories": "Category of data",
  "activityForm.list.dataCategories.legend": "Categories of data",
  "activityForm.list.dataCategories.hint":
    "One line per category of data, with its retention period. Sensitive data and offences need a specific condition (“Legal basis” section).",
  "activityForm.list.dataCategories.add": "Add a category of data",
  "activityForm.list.dataCategories.remove": "Remove category of data no. {n}",
  "activityForm.list.dataCategories.empty": "No category of data yet.",
  "activityForm.dataCategory.group.ordinary": "Ordinary data",
  "activityForm.dataCategory.group.sensitive": "Sensitive data (Article 9)",
  "activityForm.dataCategory.group.offences": "Offences (Article 10)",
  "activityForm.field.dataCategories.category": "Category",
  "activityForm.hint.dataCategories.category": "Example: “Civil status, identity” for surname, first name and date of birth.",
  "activityForm.field.dataCategories.description": "Data collected",
  "activityForm.hint.dataCategories.description": "Which data exactly? Example: “Surname, first names, date and place of birth, address, nationality”.",
  "activityForm.field.dataCategories.source": "Source of the data",
  "activityForm.hint.dataCategories.source": "Example: “The person (registration form); INSEE through the single electoral register”.",
  "activityForm.field.dataCategories.retention": "Retention period",
  "activityForm.field.dataCategories.retention.activePeriod": "Period of current use (active database)",
  "activityForm.hint.dataCategories.retention.activePeriod":
    "How long the department uses these data day to day. Example: “As long as the voter is registered”.",
  "activityForm.field.dataCategories.retention.intermediatePeriod": "Intermediate archiving",
  "activityForm.hint.dataCategories.retention.intermediatePeriod":
    "How long the data are kept apart, with restricted access, for a legal obligation or possible litigation. Example: “1 year after removal from the roll”.",
  "activityForm.field.dataCategories.retention.finalFate": "Final outcome",
  "activityForm.hint.dataCategories.retention.finalFate":
    "What happens next: destruction, transfer to the public archives, or sorting (part is kept). Your archives service can help.",
  "activityForm.field.dataCategories.retention.rule": "Rule or reference",
  "activityForm.hint.dataCategories.retention.rule":
    "The text or records schedule that sets the period. Example: “Instruction DAF/DPACI/RES/2009/018 on municipal archives”.",

  // Recipients
  "activityForm.field.recipients": "Recipient",
  "activityForm.list.recipients.legend": "Recipients",
  "activityForm.list.recipients.hint":
    "One line per recipient or category of recipients. Examples: the prefecture, the software vendor, the finance department.",
  "activityForm.list.recipients.add": "Add a recipient",
  "activityForm.list.recipients.remove": "Remove recipient no. {n}",
  "activityForm.list.recipients.empty": "No recipient yet.",
  "activityForm.field.recipients.type": "Type of recipient",
  "activityForm.hint.recipients.type": "A provider that processes the data for you (host, software vendor) is a processor.",
  "activityForm.field.recipients.name": "Name or category",
  "activityForm.hint.recipients.name": "Examples: “Prefecture of Hérault”, “Vendor of the civil status software”.",

  // Transfers
  "activityForm.field.transfers": "Transfer",
  "activityForm.list.transfers.legend": "Declared transfers",
  "activityForm.list.transfers.hint": "One line per country and recipient.",
  "activityForm.list.transfers.add": "Add a transfer outside the EEA",
  "activityForm.list.transfers.remove": "Remove transfer no. {n}",
  "activityForm.list.transfers.empty": "No transfer declared: the data stay in the European Economic Area.",
  "activityForm.list.transfers.needed": "You have listed a recipient in a third country: declare the transfer below.",
  "activityForm.field.transfers.country": "Country (two-letter code)",
  "activityForm.hint.transfers.country": "Examples: US for the United States, GB for the United Kingdom, CH for Switzerland.",
  "activityForm.field.transfers.recipient": "Recipient",
  "activityForm.hint.transfers.recipient": "Example: “Host of the online survey tool”.",
  "activityForm.field.transfers.safeguard": "Safeguard",
  "activityForm.hint.transfers.safeguard":
    "The framework protecting the data in that country. With a provider it is usually an adequacy decision or standard contractual clauses. The DPO can help.",
  "activityForm.field.transfers.documentationUrl": "Link to the documentation",
  "activityForm.hint.transfers.documentationUrl":
    "The page or document describing the safeguard. Example: https://www.provider.example/data-processing-agreement",

  // Security
  "activityForm.field.securityMeasures": "Security measure",
  "activityForm.list.securityMeasures.legend": "Measures in place",
  "activityForm.list.securityMeasures.hint": "One line per type of measure.",
  "activityForm.list.securityMeasures.add": "Add a security measure",
  "activityForm.list.securityMeasures.remove": "Remove security measure no. {n}",
  "activityForm.list.securityMeasures.empty": "No security measure yet.",
  "activityForm.field.securityMeasures.measure": "Type of measure",
  "activityForm.hint.securityMeasures.measure": "Example: “User access control”.",
  "activityForm.field.securityMeasures.details": "What is actually done",
  "activityForm.hint.securityMeasures.details": "Example: “Personal accounts, 12-character passwords, access limited to the department's staff”.",

  // Rights
  "activityForm.field.rights.exercise": "Exercise of rights",
  "activityForm.hint.rights.exercise":
    "How a person can see, correct or object to their data. Example: “By letter to the town hall or by e-mail to dpo@town.fr; answer within one month”.",
  "activityForm.field.rights.information": "Information of data subjects",
  "activityForm.hint.rights.information":
    "Where and how people are informed (Articles 13 and 14). Example: “Notice on the registration form and the “Your data” page of the town's website”.",

  // Risk flags
  "activityForm.field.riskFlags": "Risk criterion",
  "activityForm.riskFlag.largeScale.hint":
    "Many people, much data or a long duration, at the scale of the authority. Example: CCTV covering the whole town centre.",
  "activityForm.riskFlag.systematicMonitoring.hint":
    "Regularly observing or checking people, especially in public spaces. Examples: cameras, tracking of service vehicles.",
  "activityForm.riskFlag.profiling.hint": "Assessing or ranking people from their data. Example: a points grid to rank requests for a nursery place.",
  "activityForm.riskFlag.automatedDecision.hint":
    "A decision made by a program, without review by a staff member, with a significant effect on the person. Example: automatic refusal of an allowance.",
  "activityForm.riskFlag.combiningDatasets.hint":
    "Matching files created for different uses. Example: cross-checking the school canteen file against unpaid bills.",
  "activityForm.riskFlag.innovativeTechnology.hint": "A new technology or a new use. Examples: image recognition, connected devices, artificial intelligence.",
  "activityForm.riskFlag.vulnerableSubjects.hint":
    "People in a weak position towards the authority. Examples: children, elderly or assisted people, staff towards their employer.",
  "activityForm.riskFlag.preventsRightOrService.hint":
    "The processing may lead to refusing a right, a service or a contract. Example: assessing an application for social assistance.",

  // Review
  "activityForm.field.nextReviewAt": "Next review date",
  "activityForm.hint.nextReviewAt": "Usually one year after the last review, or sooner if the processing changes. Example: 15/01/2027.",
  "activityForm.field.lastReviewAt": "Last review date",
  "activityForm.hint.lastReviewAt": "The last time the whole record was reviewed with the DPO. Leave blank for a new record.",

  // Conflict screen
  "activityForm.conflict.title": "Someone saved this record before you",
  "activityForm.conflict.caption": "Differences between the saved version and yours ({count})",
  "activityForm.conflict.field": "Information",
  "activityForm.conflict.theirs": "Saved version (theirs)",
  "activityForm.conflict.mine": "Your version (not saved)",
  "activityForm.conflict.empty": "(empty)",
  "activityForm.conflict.noDiff": "Both versions are identical: you can save again without losing anything.",
  "activityForm.conflict.choose": "What do you want to do?",
  "activityForm.conflict.reload": "Reload their version",
  "activityForm.conflict.reloadHint": "Your changes are discarded; you start again from the saved version.",
  "activityForm.conflict.reapply": "Re-apply my changes",
  "activityForm.conflict.reapplyHint":
    "The form below holds your values. If you save it, your version replaces theirs: the values in the “Saved version” column will be lost. Copy into it first anything worth keeping.",
  "activityForm.conflict.formTitle": "Your version",
  "activityForm.conflict.submit": "Save my version instead of theirs",
  "activityForm.value.yes": "Yes",
  "activityForm.value.no": "No",
};

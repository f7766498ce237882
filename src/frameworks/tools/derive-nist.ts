import type { Framework, Requirement } from '../index.js';

/** NIST SP 800-53 Rev. 5 control families, keyed by the two letters that start a control id. */
export const NIST_FAMILIES: Readonly<Record<string, string>> = {
  AC: 'Access Control',
  AU: 'Audit and Accountability',
  CA: 'Assessment, Authorization, and Monitoring',
  CM: 'Configuration Management',
  CP: 'Contingency Planning',
  IA: 'Identification and Authentication',
  RA: 'Risk Assessment',
  SA: 'System and Services Acquisition',
  SC: 'System and Communications Protection',
  SI: 'System and Information Integrity',
};

/** Titles of the SP 800-53 Rev. 5 controls that FSBP controls cite; an enhancement's title follows its base's. */
export const NIST_TITLES: Readonly<Record<string, string>> = {
  'AC-2': 'Account Management',
  'AC-2(1)': 'Automated System Account Management',
  'AC-2(3)': 'Disable Accounts',
  'AC-2(4)': 'Automated Audit Actions',
  'AC-2(12)': 'Account Monitoring for Atypical Usage',
  'AC-3': 'Access Enforcement',
  'AC-3(7)': 'Role-based Access Control',
  'AC-3(15)': 'Discretionary and Mandatory Access Control',
  'AC-4': 'Information Flow Enforcement',
  'AC-4(21)': 'Physical or Logical Separation of Information Flows',
  'AC-4(26)': 'Audit Filtering Actions',
  'AC-5': 'Separation of Duties',
  'AC-6': 'Least Privilege',
  'AC-6(2)': 'Non-privileged Access for Nonsecurity Functions',
  'AC-6(3)': 'Network Access to Privileged Commands',
  'AC-6(9)': 'Log Use of Privileged Functions',
  'AC-6(10)': 'Prohibit Non-privileged Users from Executing Privileged Functions',
  'AC-17': 'Remote Access',
  'AC-17(2)': 'Protection of Confidentiality and Integrity Using Encryption',
  'AC-21': 'Information Sharing',
  'AU-2': 'Event Logging',
  'AU-3': 'Content of Audit Records',
  'AU-6': 'Audit Record Review, Analysis, and Reporting',
  'AU-6(1)': 'Automated Process Integration',
  'AU-6(3)': 'Correlate Audit Record Repositories',
  'AU-6(4)': 'Central Review and Analysis',
  'AU-6(5)': 'Integrated Analysis of Audit Records',
  'AU-7': 'Audit Record Reduction and Report Generation',
  'AU-7(1)': 'Automatic Processing',
  'AU-9': 'Protection of Audit Information',
  'AU-10': 'Non-repudiation',
  'AU-12': 'Audit Record Generation',
  'AU-14': 'Session Audit',
  'AU-14(1)': 'System Start-up',
  'CA-7': 'Continuous Monitoring',
  'CA-9': 'Internal System Connections',
  'CA-9(1)': 'Compliance Checks',
  'CM-2': 'Baseline Configuration',
  'CM-2(2)': 'Automation Support for Accuracy and Currency',
  'CM-3': 'Configuration Change Control',
  'CM-3(6)': 'Cryptography Management',
  'CM-6': 'Configuration Settings',
  'CM-6(1)': 'Automated Management, Application, and Verification',
  'CM-7': 'Least Functionality',
  'CM-8': 'System Component Inventory',
  'CM-8(1)': 'Updates During Installation and Removal',
  'CM-8(2)': 'Automated Maintenance',
  'CM-8(3)': 'Automated Unauthorized Component Detection',
  'CP-6': 'Alternate Storage Site',
  'CP-6(1)': 'Separation from Primary Site',
  'CP-6(2)': 'Recovery Time and Recovery Point Objectives',
  'CP-9': 'System Backup',
  'CP-10': 'System Recovery and Reconstitution',
  'IA-2': 'Identification and Authentication (Organizational Users)',
  'IA-2(1)': 'Multi-factor Authentication to Privileged Accounts',
  'IA-2(2)': 'Multi-factor Authentication to Non-privileged Accounts',
  'IA-2(6)': 'Access to Accounts — Separate Device',
  'IA-2(8)': 'Access to Accounts — Replay Resistant',
  'IA-5': 'Authenticator Management',
  'IA-5(1)': 'Password-based Authentication',
  'RA-3': 'Risk Assessment',
  'RA-3(4)': 'Predictive Cyber Analytics',
  'RA-5': 'Vulnerability Monitoring and Scanning',
  'SA-3': 'System Development Life Cycle',
  'SA-8': 'Security and Privacy Engineering Principles',
  'SA-8(19)': 'Continuous Protection',
  'SA-8(21)': 'Self-analysis',
  'SA-8(22)': 'Accountability and Traceability',
  'SA-8(25)': 'Economic Security',
  'SA-11': 'Developer Testing and Evaluation',
  'SA-11(1)': 'Static Code Analysis',
  'SA-11(6)': 'Attack Surface Reviews',
  'SA-15': 'Development Process, Standards, and Tools',
  'SA-15(2)': 'Security and Privacy Tracking Tools',
  'SA-15(8)': 'Reuse of Threat and Vulnerability Information',
  'SC-5': 'Denial-of-service Protection',
  'SC-5(1)': 'Restrict Ability to Attack Other Systems',
  'SC-5(2)': 'Capacity, Bandwidth, and Redundancy',
  'SC-5(3)': 'Detection and Monitoring',
  'SC-7': 'Boundary Protection',
  'SC-7(3)': 'Access Points',
  'SC-7(4)': 'External Telecommunications Services',
  'SC-7(5)': 'Deny by Default — Allow by Exception',
  'SC-7(9)': 'Restrict Threatening Outgoing Communications Traffic',
  'SC-7(10)': 'Prevent Exfiltration',
  'SC-7(11)': 'Restrict Incoming Communications Traffic',
  'SC-7(16)': 'Prevent Discovery of System Components',
  'SC-7(20)': 'Dynamic Isolation and Segregation',
  'SC-7(21)': 'Isolation of System Components',
  'SC-8': 'Transmission Confidentiality and Integrity',
  'SC-8(1)': 'Cryptographic Protection',
  'SC-8(2)': 'Pre- and Post-transmission Handling',
  'SC-12': 'Cryptographic Key Establishment and Management',
  'SC-12(2)': 'Symmetric Keys',
  'SC-12(3)': 'Asymmetric Keys',
  'SC-13': 'Cryptographic Protection',
  'SC-23': 'Session Authenticity',
  'SC-23(3)': 'Unique System-generated Session Identifiers',
  'SC-28': 'Protection of Information at Rest',
  'SC-28(1)': 'Cryptographic Protection',
  'SC-36': 'Distributed Processing and Storage',
  'SI-2': 'Flaw Remediation',
  'SI-2(2)': 'Automated Flaw Remediation Status',
  'SI-2(3)': 'Time to Remediate Flaws and Benchmarks for Corrective Actions',
  'SI-2(4)': 'Automated Patch Management Tools',
  'SI-2(5)': 'Automatic Software and Firmware Updates',
  'SI-3': 'Malicious Code Protection',
  'SI-3(8)': 'Detect Unauthorized Commands',
  'SI-4': 'System Monitoring',
  'SI-4(1)': 'System-wide Intrusion Detection System',
  'SI-4(2)': 'Automated Tools and Mechanisms for Real-time Analysis',
  'SI-4(4)': 'Inbound and Outbound Communications Traffic',
  'SI-4(5)': 'System-generated Alerts',
  'SI-4(13)': 'Analyze Traffic and Event Patterns',
  'SI-4(20)': 'Privileged Users',
  'SI-4(22)': 'Unauthorized Network Services',
  'SI-4(25)': 'Optimize Network Traffic Analysis',
  'SI-7': 'Software, Firmware, and Information Integrity',
  'SI-7(1)': 'Integrity Checks',
  'SI-7(3)': 'Centrally Managed Integrity Tools',
  'SI-7(6)': 'Cryptographic Protection',
  'SI-7(7)': 'Integration of Detection and Response',
  'SI-7(8)': 'Auditing Capability for Significant Events',
  'SI-12': 'Information Management and Retention',
  'SI-13': 'Predictable Failure Prevention',
  'SI-13(5)': 'Failover Capability',
  'SI-20': 'Tainting',
};

const CONTROL_ID = /^([A-Z]{2})-(\d+)(?:\((\d+)\))?$/;

/** The parts of a control id, for sorting: `AC-2(12)` is family AC, control 2, enhancement 12. */
function parts(id: string): [string, number, number] {
  const match = CONTROL_ID.exec(id);
  if (!match?.[1] || !match[2]) throw new Error(`not an SP 800-53 control id: ${id}`);
  return [match[1], Number(match[2]), Number(match[3] ?? 0)];
}

function compareControls(a: string, b: string): number {
  const [fa, ca, ea] = parts(a);
  const [fb, cb, eb] = parts(b);
  return fa === fb ? ca - cb || ea - eb : fa < fb ? -1 : 1;
}

/** `AC-2(1)` is titled "Account Management | Automated System Account Management", as NIST writes enhancements. */
function nistTitle(id: string): string {
  const own = NIST_TITLES[id];
  if (!own) throw new Error(`no title for SP 800-53 control ${id}: add it to NIST_TITLES`);
  const base = id.replace(/\(\d+\)$/, '');
  if (base === id) return own;
  const baseTitle = NIST_TITLES[base];
  if (!baseTitle) throw new Error(`no title for SP 800-53 control ${base}: add it to NIST_TITLES`);
  return `${baseTitle} | ${own}`;
}

/** The control's page in NIST's SP 800-53 Rev. 5 catalog, which writes ids zero-padded: `AC-02(01)`. */
function nistSource(id: string): string {
  const [family, control, enhancement] = parts(id);
  const pad = (n: number) => String(n).padStart(2, '0');
  const element = `${family}-${pad(control)}${enhancement ? `(${pad(enhancement)})` : ''}`;
  return `https://csrc.nist.gov/projects/cprt/catalog#/cprt/framework/version/SP_800_53_5_1_1/home?element=${element}`;
}

/**
 * NIST SP 800-53 Rev. 5 as FSBP sees it: one requirement per control that an FSBP control with onus checks cites,
 * checked by the union of those checks. FSBP controls verify configuration only, so a passing NIST requirement
 * means "no FSBP-cited configuration check fails", never that the whole control is implemented.
 */
export function deriveNist80053r5(fsbp: Framework): Framework {
  const byControl = new Map<string, Requirement[]>();
  for (const requirement of fsbp.requirements) {
    if (requirement.checks.length === 0) continue;
    for (const control of requirement.related?.['nist-800-53-r5'] ?? []) {
      byControl.set(control, [...(byControl.get(control) ?? []), requirement]);
    }
  }
  const requirements = [...byControl.keys()].sort(compareControls).map((control): Requirement => {
    const cited = byControl.get(control) ?? [];
    const family = parts(control)[0];
    const familyTitle = NIST_FAMILIES[family];
    if (!familyTitle) throw new Error(`unknown SP 800-53 family ${family}`);
    const fsbpIds = cited.map((r) => r.id);
    return {
      id: control,
      section: `${family} ${familyTitle}`,
      title: nistTitle(control),
      assessment: 'automated',
      checks: [...new Set(cited.flatMap((r) => r.checks))].sort(),
      guidance: `Partial: onus checks only the configuration that FSBP ${fsbpIds.join(', ')} cite${fsbpIds.length === 1 ? 's' : ''} for this control; its process, documentation and organizational parts need an assessor.`,
      source: nistSource(control),
      related: { fsbp: fsbpIds },
    };
  });
  return {
    id: 'nist-800-53-r5',
    name: 'NIST SP 800-53 Rev. 5 (as cited by AWS FSBP)',
    version: '5.1.1',
    source: 'https://csrc.nist.gov/pubs/sp/800/53/r5/upd1/final',
    description:
      'Derived from the fsbp framework by src/frameworks/tools/derive-nist.ts: one requirement per SP 800-53 control that an FSBP control with onus checks cites in its related requirements, verified by the union of those checks. Configuration evidence only; not an assessment of the whole control.',
    requirements,
  };
}

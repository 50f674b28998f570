package io.tallycast.derive;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The parties tallycast knows, with the code it gives each. A label in a source that none of these names (by code,
 * name or alias, ignoring case, spacing, curly quotes and a trailing comma) is refused by {@code derive-data}, never
 * given a made-up code: a new party is a new line here, a deliberate act. Codes never change once given (tests,
 * stored data and the map's colours rely on them): the 2021 results' short codes (AITC, BJP, CPM, SUCI ...), else the
 * initials of the name ("People's" gives PS), with a number where two parties share initials (BMP, BMP2, BMP3). ECI's
 * own abbreviation, where it differs (CPM is ECI's CPI(M)), is learnt from ECI's live JSON.
 */
final class PartyCatalogue {
  /** A party: our code, its name as ECI spells it, and spellings that differ by more than case and spacing. */
  record Known(String code, String name, List<String> aliases) {
  }

  /** The palettes disagree; these few are set on purpose so the big parties stay apart on a map. */
  static final Map<String, String> COLOUR_OVERRIDES = Map.of("AITC", "#20C646", "IND", "#808080", "NOTA", "#5A5A5A",
      "RSSCMJP", "#7986CB");

  /** Where no palette knows a party. */
  static final String NEUTRAL_GREY = "#9E9E9E";

  static final List<Known> PARTIES = List.of(
      known("AAP", "Aam Aadmi Party"),
      known("AB", "Amra Bangalee"),
      known("ABGL", "Akhil Bharatiya Gorkha League"),
      known("ABHM", "Akhil Bharat Hindu Mahasabha"),
      known("ABJP", "Akhil Bhartiya Jharkhand Party"),
      known("AIFB", "All India Forward Bloc"),
      known("AIMEIEM", "All India Majlis-E-Inquilab-E-Millat"),
      known("AIMF", "All India Minorities Front"),
      known("AIMIM", "All India Majlis-E-Ittehadul Muslimeen"),
      known("AISF", "All India Secular Front"),
      known("AITC", "All India Trinamool Congress", "TMC"),
      known("AJSUP", "AJSU Party"),
      known("AJUP", "Aam Janata Unnayan party"),
      known("API", "Ambedkarite Party of India"),
      known("BAHUMP", "BAHUMP"),
      known("BGPM", "Bharatiya Gorkha Prajatantrik Morcha"),
      known("BJP", "Bharatiya Janata Party"),
      known("BLRP", "Bhartiya Lokmat Rashtrawadi Party"),
      known("BMF", "Bharatiya Momin Front"),
      known("BMP", "Bahujan Mukti Party"),
      known("BMP2", "Bahujan Maha Party"),
      known("BMP3", "Bharateeya Manavadhikar party"),
      known("BNARP", "Bharatiya Nyay-Adhikar Raksha Party"),
      known("BNJD", "Bharatiya National Janata Dal"),
      known("BNP", "Bharat Nirman Party"),
      known("BRD", "Bhartiya Rashtriya Dal"),
      known("BRFB", "Bharatiya Rashtriya Forward Bloc"),
      known("BSP", "Bahujan Samaj Party"),
      known("BTP", "Bhartiya Tribal Party"),
      known("BUP", "Bhumiputra United Party"),
      known("CPI", "Communist Party of India"),
      known("CPI(ML)(L)", "Communist Party of India (Marxist-Leninist) (Liberation)"),
      known("CPIMLRS", "Communist Party of India (Marxist-Leninist) Red Star"),
      known("CPM", "Communist Party of India (Marxist)", "CPI(M)"),
      known("DSPI", "Democratic Socialist Party of India"),
      known("DSPPC", "Democratic Socialist Party (prabodh Chandra)"),
      known("FDLP", "Forward Democratic Labour Party"),
      known("GCMM", "Guru Chand Mukti Morcha"),
      known("GGP", "Gondvana Gantantra Party"),
      known("GJM", "Gorkha Janmukti Morcha", "GOJAM"),
      known("GRC", "Gorkha Rashtriya Congress"),
      known("GSD", "Guruchand Sena Dal"),
      known("GSP", "Gana Suraksha Party"),
      known("HAM", "Hindustani Awam Morcha (Secular)", "HAMS"),
      known("HKD", "Hindustan Krantikari Dal"),
      known("HSP", "Hindu Samaj Party"),
      known("HUMP", "Humanity Universal Motion Party"),
      known("INC", "Indian National Congress"),
      known("IND", "Independent"),
      known("INF", "Independent Nationalist Front"),
      known("INL", "Indian National League"),
      known("INSAF", "Indian National Socialistic Action Forces"),
      known("IUC", "Indian Unity Centre"),
      known("IUML", "Indian Union Muslim League"),
      known("JAP", "Jharkhand Anushilan Party"),
      known("JD(S)", "Janata Dal (Secular)", "JDS"),
      known("JD(U)", "Janata Dal (United)", "JDU"),
      known("JDP", "Justice and Development Party"),
      known("JDP2", "Jharkhand Disom Party"),
      known("JESM", "Jamat-E-Seratul Mustakim"),
      known("JLKM", "Jharkhand Loktantrik Krantikari Morcha"),
      known("JMM", "Jharkhand Mukti Morcha"),
      known("JPN", "Jharkhand Party (naren)"),
      known("JSP", "Jan Sangh Party"),
      known("JSTDVPMTP", "JSTDVPMTP"),
      known("JUP", "Jatiya Unnayan Party"),
      known("KPSPU", "Kamatapur People's Party (United)"),
      known("LJP", "Lok Jan Shakti Party"),
      known("LSP", "Lok Samya Party"),
      known("MBMP", "Mera Bharat Mahan Party"),
      known("MCI", "Magadh Congress of India"),
      known("MHB", "Mai Hee Bharat"),
      known("MPI", "Mulnibasi Party of India"),
      known("NBPSP", "North Bengal People's Party"),
      known("NCP", "Nationalist Congress Party"),
      known("NCP2", "Nationalist Conservative Party"),
      known("NDPI", "New Democratic Party of India"),
      known("NOTA", "None of the Above"),
      known("NPP", "National People's Party"),
      known("NRPI", "National Republic Party Of India"),
      known("PDS", "Party for Democratic Socialism"),
      known("PM", "Purvanchal Mahapanchayat"),
      known("PP", "Paradise Party"),
      known("PPID", "Peoples Party of India (Democratic)"),
      known("PPS", "Prajashakti Party Samdarshi"),
      known("PPSP", "Progressive People's Party"),
      known("RAJSP", "Rastriya Aam Jan Seva Party"),
      known("RCPIRB", "Revolutionary Communist Party Of India (rasik Bhatt)"),
      known("RJD", "Rashtriya Janata Dal"),
      known("RJP", "Rashtravadi Janata Party"),
      known("RJSP", "Rashtriya Janadhikar Suraksha Party"),
      known("RLD", "Rashtriya Lok Dal"),
      known("RLJP", "Rashtriya Lok Janshakti Party"),
      known("RMRPPI", "The Religion Of Man Revolving Political Party Of India"),
      known("RPI(A)", "Republican Party of India (A)"),
      known("RSP", "Revolutionary Socialist Party"),
      known("RSPIM", "Revolutionary Socialist Party of India(Marxist)"),
      known("RSSCMJP", "Rashtriya Secular Majlis Party"),
      known("RTRP", "Right to Recall Party"),
      known("SDPI", "Social Democratic Party Of India"),
      known("SHS", "Shivsena", "Shiv Sena", "SS"),
      known("SI", "Swaraj India"),
      known("SJP", "Samajwadi Jan Parishad"),
      known("SP", "Samajwadi Party"),
      known("SP2", "Samata Party"),
      known("SPI", "Socialist Party (India)"),
      known("SPI2", "Samajtantric Party Of India"),
      known("SSP", "Sajag Samaj Party"),
      known("SUCI", "Socialist Unity Centre Of India (COMMUNIST)"),
      known("USP", "United Socialist Party"),
      known("VIP", "Vikas India Party"),
      known("WBSP", "West Bengal Socialist Party"),
      known("WPI", "Welfare Party Of India"));

  private PartyCatalogue() {
  }

  private static Known known(String code, String name, String... aliases) {
    return new Known(code, name, Arrays.asList(aliases));
  }
}

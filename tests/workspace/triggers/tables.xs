table item {
  schema {
    int id
    text name
    int version?=0
  }
}
---
table audit {
  schema {
    int id
    text action
    json new?
    json old?
    text datasource?
  }
}
---
table counter {
  schema {
    int id
    int n?=0
  }
}
---
table note {
  schema {
    int id
    text title
    json tags?
  }
}
---
table seen {
  schema {
    int id
    text by
    json row?
  }
}

#!/usr/bin/env python3
"""Consistency checks for gold.tsv (see README.md, Validation)."""
import csv,os,re,datetime,collections,sys
base=os.path.dirname(os.path.abspath(__file__))
names=collections.defaultdict(list)
gazetteer=os.path.join(base,'..','..','..','..','shared','gazetteer','places.tsv')
if not os.path.exists(gazetteer): sys.exit('validate_gold.py: needs ../shared/gazetteer/places.tsv beside the repository')
for line in open(gazetteer,encoding='utf-8'):
    if line.startswith('#') or line.startswith('name\t'): continue
    p=line.rstrip('\n').split('\t')
    names[p[0]].append((p[2],p[3],int(p[4] or 0)))
PF="rally-in visit-to trip-to news-conference-in interview-in addressing-in summit-in sidelines-in speech-at-in arriving-in after-talks-in said-in inferred dateline dateline-elsewhere topic-place place-in-quote ambiguous-word ambiguous-place".split()
DF="abbrev-month full-month weekday weekday-boundary last-this-next earlier-this-week weekend eve-of day-in-quote future-day no-day".split()
rows=list(csv.DictReader(open(base+'/gold.tsv',encoding='utf-8'),delimiter='\t'))
errs=0
def err(r,m):
    global errs; errs+=1; print('ERR',r['article'],'|',r['key'],'|',m)
arts=sorted(os.listdir(base+'/articles'))
keys=collections.Counter()
for r in rows:
    if len(r)!=10 or None in r.values(): err(r,'column count'); continue
    p=base+'/articles/'+r['article']
    if not os.path.exists(p): err(r,'no article'); continue
    txt=open(p,encoding='utf-8').read()
    first=txt.split('\n',1)[0]
    m=re.match(r'date (\d{4}-\d\d-\d\d) ',first)
    if not m: err(r,'bad first line'); continue
    ad=datetime.date.fromisoformat(m.group(1))
    body=txt.split('\n',1)[1]
    k=r['key']; nw=len(k.split())
    if not 4<=nw<=8: err(r,f'key has {nw} words')
    if any(c in k for c in '"“”\'’‘\t'): err(r,'quote mark in key')
    c=txt.count(k)
    if c!=1: err(r,f'key occurs {c} times')
    keys[(r['article'],k)]+=1
    pl=r['place']
    if pl:
        if pl not in names: err(r,'place not in gazetteer: '+pl)
        elif not any(kind in('city','region','country') for kind,_,_ in names[pl]): err(r,'bad kind')
        if r['basis']=='none': err(r,'place with basis none')
    else:
        if r['basis']!='none': err(r,'empty place but basis '+r['basis'])
    if r['basis'] not in ('explicit','inferred','dateline','none'): err(r,'basis')
    if r['day_basis'] not in ('text','article'): err(r,'day_basis')
    d=r['day']
    try:
        if '..' in d:
            a,b=d.split('..'); a=datetime.date.fromisoformat(a); b=datetime.date.fromisoformat(b)
            if a>b: err(r,'range reversed')
            if b>ad: err(r,'range after article')
        else:
            a=datetime.date.fromisoformat(d)
            if a>ad: err(r,'day after article date')
            if r['day_basis']=='article' and a!=ad: err(r,'article basis but day != article date')
    except Exception as e: err(r,'bad date '+d)
    if r['place_form'] not in PF+['-']: err(r,'place_form '+r['place_form'])
    if r['day_form'] not in DF+['-']: err(r,'day_form '+r['day_form'])
    if r['basis']=='dateline':
        # dateline article check
        pre=re.split(r'[(,—]| - ',body.strip(),1)[0]
        if not (pre.isupper() and len(pre)<40): err(r,'dateline basis but no dateline')
for a in arts:
    t=open(base+'/articles/'+a,encoding='utf-8').read()
    lines=t.split('\n')
    if not re.match(r'date \d{4}-\d\d-\d\d \S',lines[0]) or lines[1]!='': print('FORMAT',a)
    if '\n\n\n' in t: print('TRIPLE NEWLINE',a)
    print(f'{a:40s} {len(t.split())-2:4d} words {sum(1 for r in rows if r["article"]==a):3d} rows')
pc=collections.Counter(r['place_form'] for r in rows); dc=collections.Counter(r['day_form'] for r in rows)
print('place_form:'); [print(f'  {f:20s}{pc[f]}') for f in PF+['-']]
print('day_form:'); [print(f'  {f:20s}{dc[f]}') for f in DF+['-']]
low=[f for f in PF if pc[f]<8]+[f for f in DF if dc[f]<8]
print('rows',len(rows),'articles',len(arts),'errors',errs,'forms<8:',low)
